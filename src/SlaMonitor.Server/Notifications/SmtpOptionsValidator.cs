using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace SlaMonitor.Server.Notifications;

public sealed class SmtpOptionsValidator(IHostEnvironment environment) : IValidateOptions<SmtpOptions>
{
    private static readonly string[] Securities = ["None", "StartTls", "SslOnConnect", "Auto"];

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host) && string.IsNullOrWhiteSpace(options.PickupDirectory) && !environment.IsDevelopment())
        {
            errors.Add($"{SmtpOptions.Section}:Host is required outside Development (or set {SmtpOptions.Section}:PickupDirectory).");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{SmtpOptions.Section}:Port must be between 1 and 65535, not {options.Port}.");
        }

        if (!Securities.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{SmtpOptions.Section}:Security must be one of {string.Join(", ", Securities)}, not '{options.Security}'.");
        }

        if (!MailAddress.TryCreate(options.From, out _))
        {
            errors.Add($"{SmtpOptions.Section}:From must be an email address, not '{options.From}'.");
        }

        if (options.Username is not null && options.Password is null)
        {
            errors.Add($"{SmtpOptions.Section}:Password is required with {SmtpOptions.Section}:Username.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
