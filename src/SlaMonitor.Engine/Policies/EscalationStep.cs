using NodaTime;

namespace SlaMonitor.Engine;

public sealed record EscalationStep(int Level, string Notify, Duration After);
