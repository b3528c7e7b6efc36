using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SlaMonitor.Server.Hosting;

/// <summary>
/// Settings under <c>Hosting:ForwardedHeaders</c>: the reverse proxies (TLS terminators, load balancers) whose
/// X-Forwarded-For and X-Forwarded-Proto are believed. None configured: the headers are ignored, whoever sends them.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "Hosting:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult($"{Section}:KnownProxies:{i} must be an IP address, not '{KnownProxies[i]}'.");
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new ValidationResult($"{Section}:KnownNetworks:{i} must be a network in CIDR notation (10.0.0.0/8), not '{KnownNetworks[i]}'.");
            }
        }
    }
}
