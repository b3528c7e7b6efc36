namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>
/// The current evaluation of a promise, derived from its events by the engine.
/// Rebuilt from the events on every change, so it can always be recomputed.
/// </summary>
public sealed class Promise
{
    public required string TicketRef { get; set; }
    public required string CustomerCode { get; set; }
    public required string SiteCode { get; set; }
    public required string ServiceLevel { get; set; }
    public int PolicyVersion { get; set; }
    public required string Status { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime Deadline { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? PredictedCompletion { get; set; }
    public double? ProbabilityLate { get; set; }
    public long PausedSeconds { get; set; }

    /// <summary>Paused time per blame category in seconds, as a JSON object.</summary>
    public string PausedByBlameJson { get; set; } = "{}";

    /// <summary>The same paused time as columns, so reports sum it in the database.</summary>
    public long LostCustomerSeconds { get; set; }

    public long LostCustomsSeconds { get; set; }

    public long LostCarrierSeconds { get; set; }

    public long LostWeatherSeconds { get; set; }

    public long LostOtherSeconds { get; set; }

    /// <summary>Whole seconds from closing to the deadline (negative when late) of a met or missed promise; null otherwise.</summary>
    public long? MarginSeconds { get; set; }

    /// <summary>Where the promise is in its journey (awaiting pickup, in transit, customs hold, …).</summary>
    public string? Stage { get; set; }

    /// <summary>Reasons in words, as a JSON array.</summary>
    public required string ReasonsJson { get; set; }

    public string? CarrierCode { get; set; }

    /// <summary>When time alone would change the evaluation; null once closed.</summary>
    public DateTime? NextEvaluationAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The worker's claim on the due wake-up; the wake-up time is moved ahead by the lease meanwhile,
    /// so a claim by a worker that dies comes due again.</summary>
    public Guid? WakeupClaim { get; set; }

    /// <summary>Optimistic concurrency: two workers never overwrite each other silently.</summary>
    public int Revision { get; set; }
}
