using NodaTime;

namespace SlaMonitor.Engine;

/// <summary><c>PT4H</c>: elapsed or business time, depending on <see cref="SlaPolicy.Clock"/>.</summary>
public sealed record DurationTarget(Duration Duration) : SlaTarget;
