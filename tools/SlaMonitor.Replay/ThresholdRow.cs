namespace SlaMonitor.Replay;

/// <summary>The warnings the same looks would have given with another probability threshold (the other risks unchanged).</summary>
public sealed record ThresholdRow(double Threshold, double Recall, double Precision, double? MedianLeadHours, int Warned);
