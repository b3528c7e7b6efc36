namespace SlaMonitor.Engine;

public static class EscalationOutcomes
{
    /// <summary>The promise closed on time after the escalation: a breach prevented.</summary>
    public const string Met = "MET";
    public const string Missed = "MISSED";
    public const string Cancelled = "CANCELLED";

    /// <summary>Back on track while still open.</summary>
    public const string Recovered = "RECOVERED";

    /// <summary>Resolved by a person.</summary>
    public const string Manual = "MANUAL";
}
