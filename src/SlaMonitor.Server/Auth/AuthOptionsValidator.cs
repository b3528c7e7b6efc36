using Microsoft.Extensions.Options;

namespace SlaMonitor.Server.Auth;

public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (key.Key.Length < 12)
            {
                failures.Add($"Auth:ApiKeys:{i}:Key must be at least 12 characters.");
            }

            if (!Roles.All.Contains(key.Role))
            {
                failures.Add($"Auth:ApiKeys:{i}:Role must be one of {string.Join(", ", Roles.All)}, not '{key.Role}'.");
            }

            if (key.Role == Roles.Carrier && string.IsNullOrWhiteSpace(key.Carrier))
            {
                failures.Add($"Auth:ApiKeys:{i}:Carrier is required for role carrier: the carrier code whose delivery log the key reads.");
            }
            else if (key.Role != Roles.Carrier && key.Carrier is not null)
            {
                failures.Add($"Auth:ApiKeys:{i}:Carrier is only for role carrier, not '{key.Role}'.");
            }

            if (key.Customers.Count > 0 && key.Role != Roles.AccountManager)
            {
                failures.Add($"Auth:ApiKeys:{i}:Customers is only for role accountManager (admin and ops see every customer), not '{key.Role}'.");
            }

            if (key.Key == AuthOptions.DevelopmentKey && !environment.IsDevelopment())
            {
                failures.Add($"Auth:ApiKeys:{i}:Key is '{AuthOptions.DevelopmentKey}', which is refused outside the Development environment.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
