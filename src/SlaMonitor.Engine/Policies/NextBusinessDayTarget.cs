using NodaTime;

namespace SlaMonitor.Engine;

/// <summary><c>{ "nextBusinessDayBy": "17:00", "cutoff": "15:00" }</c>, generalised to N business days.</summary>
public sealed record NextBusinessDayTarget(LocalTime By, LocalTime Cutoff, int Days = 1) : SlaTarget;
