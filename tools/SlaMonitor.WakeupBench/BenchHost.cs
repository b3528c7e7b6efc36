using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SlaMonitor.WakeupBench;

/// <summary>The server's own Program, role all, in this process: the real WakeupDispatcher, projector and escalations.</summary>
internal sealed class BenchHost : WebApplicationFactory<global::Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public BenchHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;

        // Outside a test project the factory does not know the server's content root: the source folder, found
        // from the working directory or the tool's output folder, else the output folder.
        var root = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory }
            .SelectMany(Ancestors).Select(d => Path.Combine(d, "src", "SlaMonitor.Server")).FirstOrDefault(Directory.Exists)
            ?? AppContext.BaseDirectory;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SLAMONITOR_SERVER", root);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SlaMonitor_Server", root);
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var d = new DirectoryInfo(folder); d is not null; d = d.Parent)
        {
            yield return d.FullName;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // dev-admin-key for the configuration PUTs
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
