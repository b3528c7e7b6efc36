using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Hosting;

/// <summary>
/// The root key <c>AllowedHosts</c>, which ASP.NET Core's host filtering reads: the host names this server answers to.
/// Outside Development it must name them: "*" answers any Host header, which lets a forged one into the links the server
/// builds (redirects, the board URL in alerts).
/// </summary>
public sealed class AllowedHostsOptions : IValidatableObject
{
    public const string Section = "";

    /// <summary>Semicolon-separated host names, e.g. <c>sla.example.com;localhost</c>.</summary>
    public string? AllowedHosts { get; set; }

    /// <summary>Filled in from the host, not from configuration.</summary>
    internal bool InDevelopment { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hosts = (AllowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!InDevelopment && (hosts.Length == 0 || hosts.Contains("*")))
        {
            yield return new ValidationResult(
                "AllowedHosts must list the host names this server answers to outside Development (e.g. \"sla.example.com;localhost\"), "
                + $"not '{AllowedHosts}'.",
                [nameof(AllowedHosts)]);
        }
    }
}
