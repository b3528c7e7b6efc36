namespace SlaMonitor.Server.Definitions;

public sealed record CutoffTargetBody
{
    public string? NextBusinessDayBy { get; init; }
    public string? Cutoff { get; init; }
    public int? Days { get; init; }
}
