using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>A stretch of time during which the promise clock stood still; <see cref="End"/> is null while it lasts.</summary>
public readonly record struct PauseSegment(Instant Start, Instant? End, BlameCategory Blame);
