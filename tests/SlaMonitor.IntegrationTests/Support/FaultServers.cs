using System.Diagnostics;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// A PostgreSQL and a RabbitMQ of a test class's own, which its tests stop, start and restart: the run's shared
/// <see cref="Servers"/> must stay up for the other classes. Started from the distribution's packages by
/// <c>tests/servers.sh</c> (as ./test.sh starts the shared ones; ./test.sh installs the packages), on free loopback
/// ports, PostgreSQL with its durable defaults. Never skipped: without the packages the tests fail saying so.
/// </summary>
public sealed class FaultServers : IAsyncLifetime
{
    private readonly string _folder = Path.Combine("/tmp", $"slamonitor-faults-{Guid.NewGuid():N}");

    public string PostgresAdmin { get; private set; } = "";

    public RabbitMqServer RabbitMq { get; private set; } = null!;

    private string PostgresFolder => Path.Combine(_folder, "postgres");

    private string RabbitMqFolder => Path.Combine(_folder, "rabbitmq");

    /// <summary>The settings that point an <see cref="SlaHost"/> or a worker process at this broker instead of the shared one.</summary>
    public Dictionary<string, string?> BrokerSettings() => new()
    {
        ["Messaging:RabbitMq:Host"] = RabbitMq.Host,
        ["Messaging:RabbitMq:Port"] = RabbitMq.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:RabbitMq:VirtualHost"] = RabbitMq.VirtualHost,
        ["Messaging:RabbitMq:Username"] = RabbitMq.Username,
        ["Messaging:RabbitMq:Password"] = RabbitMq.Password,
    };

    public async ValueTask InitializeAsync()
    {
        // The servers run as the postgres and rabbitmq users when the tests run as root: the folder must be reachable.
        Directory.CreateDirectory(_folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var postgres = RunAsync("postgres", "start", PostgresFolder);
        var rabbitMq = RunAsync("rabbitmq", "start", RabbitMqFolder);
        PostgresAdmin = await postgres;
        RabbitMq = RabbitMqServer.Parse(await rabbitMq);
    }

    /// <summary>SIGKILL to the broker (as a crash); its queues and persistent messages stay on disk for <see cref="StartRabbitMqAsync"/>.</summary>
    public Task StopRabbitMqAsync() => RunAsync("rabbitmq", "stop", RabbitMqFolder);

    public Task StartRabbitMqAsync() => RunAsync("rabbitmq", "start", RabbitMqFolder);

    /// <summary>An immediate stop (every connection cut, no checkpoint: crash recovery at the start), then a start on the same port.</summary>
    public Task RestartPostgresAsync() => RunAsync("postgres", "restart", PostgresFolder);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("rabbitmq", "stop", RabbitMqFolder);
        await RunAsync("postgres", "stop", PostgresFolder);
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Runs <c>tests/servers.sh server command folder</c>; returns the last line it printed.</summary>
    private static async Task<string> RunAsync(string server, string command, string folder)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Script(), server, command, folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"servers.sh {server} {command} failed ({process.ExitCode}); install PostgreSQL and "
                + $"RabbitMQ from the distribution's packages, or run ./test.sh as root to have them installed: {await errors}");
        }

        return (await output).Trim().Split('\n')[^1];
    }

    /// <summary>./test.sh names the script; else it is found beside the solution.</summary>
    private static string Script()
    {
        if (Environment.GetEnvironmentVariable("SLAMONITOR_TEST_SERVERS_SCRIPT") is { Length: > 0 } script)
        {
            return script;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "servers.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/servers.sh not found above " + AppContext.BaseDirectory);
    }
}
