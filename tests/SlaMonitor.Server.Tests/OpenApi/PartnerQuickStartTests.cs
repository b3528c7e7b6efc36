using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Client;
using SlaMonitor.Client.Models;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests.OpenApi;

/// <summary>
/// Issue 20: docs/partners.md's three snippets (curl + openssl, C# with SlaMonitor.Client, Python's standard library),
/// taken from the markdown as they stand, each sign and post an event to a server listening on a real port; all
/// three events end up in the promise's timeline.
/// </summary>
public sealed partial class PartnerQuickStartTests : IAsyncLifetime
{
    private const string Ticket = "TCK-QUICKSTART";
    private readonly SlaApp _app = new(settings: new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
    private Dictionary<string, string> _environment = [];

    public async ValueTask InitializeAsync()
    {
        _app.Clock.Reset(SystemClock.Instance.GetCurrentInstant()); // the snippets sign with the real time
        _app.UseKestrel(0);
        _app.StartServer();
        await TestSetup.ConfigureAsync(_app.Admin());
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _environment = new()
        {
            ["SLAMONITOR_URL"] = address.TrimEnd('/'),
            ["CARRIER"] = TestSetup.Carrier,
            ["CARRIER_SECRET"] = TestSetup.CarrierSecret,
            ["TICKET"] = Ticket,
        };
    }

    [Fact]
    public async Task The_three_snippets_sign_and_post_events_the_server_accepts()
    {
        var markdown = await File.ReadAllTextAsync(RepositoryFiles.PathOf("docs", "partners.md"), TestContext.Current.CancellationToken);

        var curl = await RunAsync("bash", "-c", Snippet(markdown, "bash"));
        Assert.True(curl.ExitCode == 0 && curl.Output.Contains("\"accepted\":1", StringComparison.Ordinal), $"curl snippet: {curl}");
        await RunCSharpAsync(Snippet(markdown, "csharp"));
        var python = await RunAsync("python3", "-c", Snippet(markdown, "python"));
        Assert.True(python.ExitCode == 0 && python.Output.Contains("\"accepted\":1", StringComparison.Ordinal), $"python snippet: {python}");

        // Read back through the generated client with a bearer key, over plain http as a developer's localhost.
        var admin = SlaMonitorClient.Create(new Uri(_environment["SLAMONITOR_URL"]), TestSetup.AdminKey);
        await Eventually.UntilAsync(
            () => ReadAsync(admin),
            p => p?.Timeline?.Select(e => e.Code).ToHashSet().SetEquals(["OPENED", "PICKED_UP", "IN_TRANSIT"]) == true,
            $"{Ticket}'s timeline to hold the three snippets' events");
    }

    private static async Task<PromiseView?> ReadAsync(SlaMonitorApiClient client)
    {
        try
        {
            return await client.Api.V1.Promises[Ticket].GetAsync(cancellationToken: TestContext.Current.CancellationToken);
        }
        catch (ProblemDetails missing) when (missing.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    private static string Snippet(string markdown, string name) =>
        SnippetBlock().Matches(markdown).FirstOrDefault(m => m.Groups["name"].Value == name)?.Groups["code"].Value
        ?? throw new InvalidOperationException($"docs/partners.md has no <!-- snippet: {name} --> block");

    /// <summary>The C# snippet as a script, with the client's and Kiota's assemblies to refer to.</summary>
    private async Task RunCSharpAsync(string code)
    {
        foreach (var (name, value) in _environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        // As in a `dotnet new console` project: its implicit usings.
        var options = ScriptOptions.Default
            .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)
            .WithImports("System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks")
            .AddReferences(typeof(WebhookSigner).Assembly, typeof(Microsoft.Kiota.Abstractions.RequestInformation).Assembly,
                typeof(Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter).Assembly);
        await CSharpScript.RunAsync(code, options, cancellationToken: TestContext.Current.CancellationToken);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("<!-- snippet: (?<name>\\w+) -->\\s*```\\w+\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();
}
