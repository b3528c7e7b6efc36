namespace SlaMonitor.Replay;

/// <summary>One of ten equal-width bins of probability late: how many (promise, tick) looks fell in it, their mean
/// probability and the share of them whose promise ended late.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double? MeanProbability, double? FractionLate);
