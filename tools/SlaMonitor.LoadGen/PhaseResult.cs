namespace SlaMonitor.LoadGen;

internal sealed record PhaseResult(string Name, long Accepted, TimeSpan Sending, TimeSpan UntilEvaluated, long Errors, string ErrorKinds, LatencyResult? Latency = null, int Breaches = 0)
{
    public double AcceptedPerSecond => Accepted / Sending.TotalSeconds;

    public double EvaluatedPerSecond => Accepted / UntilEvaluated.TotalSeconds;
}
