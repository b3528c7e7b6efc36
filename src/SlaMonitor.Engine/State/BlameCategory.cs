namespace SlaMonitor.Engine;

/// <summary>Who lost the time: the prefix of an event's reason (CUSTOMER_, CUSTOMS_, ...) or the kind of pause.</summary>
public enum BlameCategory : byte
{
    None = 0,
    Customer,
    Customs,
    Carrier,
    Weather,
    Other,
}
