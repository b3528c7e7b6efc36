using NodaTime;

namespace SlaMonitor.Replay;

/// <summary>
/// One look at an open scored promise before its deadline: the engine's probability late at that instant, whether a risk
/// other than the probability (margin, stall, carrier estimate) holds, and whether the instant is an evaluation tick.
/// </summary>
public readonly record struct Observation(Instant At, double ProbabilityLate, bool OtherRisk, bool IsTick);
