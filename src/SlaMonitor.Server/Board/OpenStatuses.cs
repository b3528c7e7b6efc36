using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Board;

/// <summary>The statuses a promise has while it is still open, i.e. while it belongs on the board.</summary>
public static class OpenStatuses
{
    public static readonly IReadOnlyList<string> All = [PromiseStatuses.OnTrack, PromiseStatuses.AtRisk, PromiseStatuses.Breached, PromiseStatuses.Paused];
}
