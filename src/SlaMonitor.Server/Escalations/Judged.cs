using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>A promise just re-derived, with what is needed to announce it once saved.</summary>
public sealed record Judged(Promise Promise, string? PreviousStatus, Evaluation Evaluation, PromiseState State, string Region, string? LatestReason);
