using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>Settings are read one way: an options class per section, bound and validated through <see cref="Settings.AddSettings{TOptions}"/>.</summary>
public sealed class SettingsConventionTests
{
    private static readonly Type[] ServerTypes = typeof(Program).Assembly.GetTypes();

    private static readonly Type[] OptionsClasses = ServerTypes
        .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.IsDefined(typeof(CompilerGeneratedAttribute)))
        .ToArray();

    [Fact]
    public void There_are_options_classes_to_check() => Assert.NotEmpty(OptionsClasses);

    [Fact]
    public void Every_options_class_names_its_section_in_a_public_const_Section()
    {
        var without = OptionsClasses
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field || field.FieldType != typeof(string))
            .Select(t => t.FullName);

        Assert.Empty(without);
    }

    [Fact]
    public void No_type_but_Settings_takes_the_configuration_to_read_it_itself()
    {
        const BindingFlags everyMethod = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var readers = ServerTypes
            .Where(t => t != typeof(Settings))
            .SelectMany(t => t.GetMethods(everyMethod).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.GetParameters().Any(p => typeof(IConfiguration).IsAssignableFrom(p.ParameterType)))
            .Select(x => $"{x.Type.FullName}.{x.Method.Name}");

        Assert.Empty(readers);
    }

    [Fact]
    public async Task Every_options_class_is_registered_through_AddSettings()
    {
        // A group nested in another (Messaging:RabbitMq) is bound and validated with it.
        var groups = OptionsClasses.Where(t => !OptionsClasses.Any(o => o.GetProperties().Any(p => p.PropertyType == t)));
        await using var app = new SlaApp();

        var unregistered = groups.Where(t => app.Services.GetService(t) is null).Select(t => t.FullName);

        Assert.Empty(unregistered);
    }
}
