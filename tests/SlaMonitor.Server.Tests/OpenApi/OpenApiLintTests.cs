using System.Diagnostics;
using System.Text.Json;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests.OpenApi;

/// <summary>
/// Issue 20: the served document passes Redocly CLI's recommended rules (tools/openapi-lint/redocly.yaml) with no error,
/// run with the version pinned in tools/openapi-lint/package-lock.json (./test.sh runs `npm ci` there).
/// </summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task Redocly_finds_no_error_in_the_served_document()
    {
        var lint = RepositoryFiles.PathOf("tools", "openapi-lint");
        var redocly = Path.Combine(lint, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly CLI is not installed: run `npm ci --prefix {lint}` (./test.sh does).");
        var document = Path.Combine(Path.GetTempPath(), $"slamonitor-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await ServedDocument.ReadAsync(), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, report, log) = await RunAsync(redocly, "lint", "--config", Path.Combine(lint, "redocly.yaml"), "--format=json", document);
            Assert.True(exitCode == 0, $"Redocly failed (exit code {exitCode}):\n{report}\n{log}");
            var totals = JsonDocument.Parse(report).RootElement.GetProperty("totals");
            Assert.True(totals.GetProperty("errors").GetInt32() == 0, $"Redocly found errors:\n{report}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }
}
