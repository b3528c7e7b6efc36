namespace SlaMonitor.Replay;

/// <summary>A row of events.csv that was skipped, with why (the server's own problem details where it refused it).</summary>
public sealed record BadRow(int Line, string Problem);
