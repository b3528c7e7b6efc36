using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SlaMonitor.Server.Common;

/// <summary>
/// The one way settings are read: an options class per section (its <c>Section</c> constant), bound from
/// configuration and validated by its DataAnnotations and <see cref="IValidatableObject"/> rules at start.
/// </summary>
public static class Settings
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> ("" for the configuration root), validated on
    /// start; <typeparamref name="TOptions"/> itself resolves to the bound value as well as
    /// <see cref="IOptions{TOptions}"/>. Returns the value read now and validated by the same rules, for composition
    /// that depends on it: a wrong value throws a <see cref="SettingsException"/> naming the key.
    /// </summary>
    /// <param name="complete">Fills in what depends on the host rather than on configuration; runs before validation.</param>
    public static TOptions AddSettings<TOptions>(this IHostApplicationBuilder builder, string section, Action<TOptions>? complete = null)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var options = builder.Services.AddOptions<TOptions>().BindConfiguration(section);
        if (complete is not null)
        {
            options.PostConfigure(complete);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return Read(builder.Configuration, section, complete);
    }

    private static TOptions Read<TOptions>(IConfiguration configuration, string section, Action<TOptions>? complete)
        where TOptions : class, new()
    {
        var value = new TOptions();
        try
        {
            (section.Length == 0 ? configuration : configuration.GetSection(section)).Bind(value);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key: "Failed to convert configuration value 'Oracle' at 'Persistence:Provider' …".
            throw new SettingsException(e.Message + Choices<TOptions>(e.Message), e);
        }

        complete?.Invoke(value);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            throw new SettingsException(string.Join(" ", results.Select(r => Naming(section, r))));
        }

        return value;
    }

    /// <summary>For a value that is not one of an enum setting's names, the names it could have been.</summary>
    private static string Choices<TOptions>(string message)
    {
        var choices = typeof(TOptions).GetProperties().Select(p => p.PropertyType)
            .FirstOrDefault(type => type.IsEnum && message.Contains(type.FullName!, StringComparison.Ordinal));
        return choices is null ? "" : $" It must be one of {string.Join(", ", Enum.GetNames(choices))}.";
    }

    /// <summary>The message, prefixed with the key unless it names the section already.</summary>
    private static string Naming(string section, ValidationResult result)
    {
        var message = result.ErrorMessage ?? "is not valid.";
        if (message.Contains(section, StringComparison.Ordinal))
        {
            return message;
        }

        return result.MemberNames.FirstOrDefault() is { } member ? $"{section}:{member}: {message}" : $"{section}: {message}";
    }
}
