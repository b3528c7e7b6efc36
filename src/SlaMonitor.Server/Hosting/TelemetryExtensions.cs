using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Escalations;

namespace SlaMonitor.Server.Hosting;

public static class TelemetryExtensions
{
    /// <summary>Traces and metrics for ASP.NET Core, MassTransit and Npgsql; exporter by Telemetry:Exporter (None, Console, Otlp).</summary>
    public static void AddSlaTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.AddSettings<TelemetryOptions>(TelemetryOptions.Section);
        if (telemetry.Exporter == TelemetryExporter.None)
        {
            return;
        }

        var console = telemetry.Exporter == TelemetryExporter.Console;
        var endpoint = telemetry.OtlpEndpoint;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("SlaMonitor"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation().AddSource("MassTransit").AddNpgsql();
                _ = console ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter(o => SetEndpoint(o, endpoint));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter("MassTransit").AddMeter(SlaMonitor.Server.Escalations.SlaMetrics.MeterName).AddNpgsqlInstrumentation();
                _ = console ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter(o => SetEndpoint(o, endpoint));
            });
    }

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, string? endpoint)
    {
        if (endpoint is not null)
        {
            options.Endpoint = new Uri(endpoint);
        }
    }
}
