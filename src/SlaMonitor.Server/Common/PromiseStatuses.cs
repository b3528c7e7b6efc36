namespace SlaMonitor.Server.Common;

public static class PromiseStatuses
{
    public const string OnTrack = "ON_TRACK";
    public const string AtRisk = "AT_RISK";
    public const string Breached = "BREACHED";
    public const string Paused = "PAUSED";
    public const string Met = "MET";
    public const string Missed = "MISSED";
    public const string Cancelled = "CANCELLED";

    public static readonly IReadOnlyList<string> All = [OnTrack, AtRisk, Breached, Paused, Met, Missed, Cancelled];
}
