using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SlaMonitor.WakeupBench;

/// <summary>The server's own Program, role all, in this process: the real WakeupDispatcher, projector and escalations.</summary>
internal sealed class BenchHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // dev-admin-key for the configuration PUTs
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
