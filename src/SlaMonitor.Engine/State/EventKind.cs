namespace SlaMonitor.Engine;

public enum EventKind
{
    Shipment,
    Customs,
    Repair,
}
