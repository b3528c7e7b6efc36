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
        var exporter = builder.Configuration["Telemetry:Exporter"] ?? "None";
        if (exporter.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var console = exporter.Equals("Console", StringComparison.OrdinalIgnoreCase);
        if (!console && !exporter.Equals("Otlp", StringComparison.OrdinalIgnoreCase))
        {
            throw new SettingsException($"Telemetry:Exporter must be None, Console or Otlp, not '{exporter}'.");
        }

        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new SettingsException($"Telemetry:OtlpEndpoint must be an absolute URL, not '{endpoint}'.");
        }

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
