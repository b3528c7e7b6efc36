using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Hosting;

/// <summary>Settings under <c>Hosting</c>: how the server sits behind the proxies in front of it.</summary>
public sealed class HostingOptions : IValidatableObject
{
    public const string Section = "Hosting";

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(ForwardedHeaders, new ValidationContext(ForwardedHeaders), results, validateAllProperties: true);
        return results;
    }
}
