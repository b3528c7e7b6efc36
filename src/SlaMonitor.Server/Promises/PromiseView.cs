
namespace SlaMonitor.Server.Promises;

public sealed record PromiseView(
    string TicketRef,
    string Customer,
    string Site,
    string Region,
    string ServiceLevel,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? PromisedBy,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? PredictedCompletion,
    double? ProbabilityLate,
    string? EstimateSource,
    string PausedFor,
    PausedByBlame PausedByBlame,
    string? Stage,
    IReadOnlyList<string> Reasons,
    string? Carrier,
    int PolicyVersion,
    IReadOnlyList<TimelineEntry>? Timeline,
    IReadOnlyList<CorrectionView>? Corrections = null);
