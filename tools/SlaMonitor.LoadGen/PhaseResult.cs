namespace SlaMonitor.LoadGen;

/// <summary>
/// One phase: events accepted (202s, resends included) while sending, and the distinct events of the run stored and
/// evaluated by the time the server caught up — the end-to-end rate counts only the latter.
/// </summary>
internal sealed record PhaseResult(
    string Name, long Accepted, long StoredDistinct, TimeSpan Sending, TimeSpan UntilEvaluated, long Errors, string ErrorKinds,
    TrafficTally Traffic, LatencyResult? Latency = null, int Breaches = 0)
{
    public double AcceptedPerSecond => Accepted / Sending.TotalSeconds;

    public double EvaluatedPerSecond => StoredDistinct / UntilEvaluated.TotalSeconds;
}
