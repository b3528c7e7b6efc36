namespace SlaMonitor.Server.Hosting;

public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
