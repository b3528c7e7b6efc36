using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Hosting;

/// <summary>Settings under <c>Telemetry</c>: where OpenTelemetry traces and metrics go.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    [EnumDataType(typeof(TelemetryExporter), ErrorMessage = "Telemetry:Exporter must be None, Console or Otlp.")]
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The OTLP collector; the exporter's default when absent.</summary>
    public string? OtlpEndpoint { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint is not null && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult(
                $"Telemetry:OtlpEndpoint must be an absolute URL, not '{OtlpEndpoint}'.", [nameof(OtlpEndpoint)]);
        }
    }
}
