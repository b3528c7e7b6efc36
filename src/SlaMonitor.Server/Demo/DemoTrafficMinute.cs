namespace SlaMonitor.Server.Demo;

/// <summary>What the demo traffic generator sent in one minute of clock time.</summary>
/// <param name="Posted">Events posted, one per request.</param>
/// <param name="Opened">Of those, tickets' opening events.</param>
/// <param name="Closed">Of those, tickets' last events (closed or cancelled).</param>
/// <param name="Failed">Of those, the ones not delivered or answered with a non-2xx status.</param>
public sealed record DemoTrafficMinute(int Posted, int Opened, int Closed, int Failed);
