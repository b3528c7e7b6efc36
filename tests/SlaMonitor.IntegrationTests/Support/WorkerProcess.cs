using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// The server as a real child process with <c>--role worker</c>: <c>dotnet SlaMonitor.Server.dll</c> (copied next to
/// this assembly by the project reference) on the same database and queue prefix as an in-process API
/// <see cref="SlaHost"/>. Unlike the in-process host it can be killed with SIGKILL (<see cref="KillAsync"/>: no stop
/// code runs at all) or stopped with SIGTERM (<see cref="StopAsync"/>: the host's own graceful stop). Its stdout and
/// stderr go to <see cref="LogFile"/>, kept after the test for diagnostics.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Task _pumps;
    private bool _disposed;

    private WorkerProcess(Process process, StreamWriter log, string logFile, int port)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
        Port = port;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public string LogFile { get; }

    public int Port { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The settings every worker of a test shares: database, broker, queue prefix, no demo.</summary>
    public static Dictionary<string, string?> BaseSettings(Servers servers, TestDatabase database, string endpointPrefix, string instanceName)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(database);
        return new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = database.Provider.ToString(),
            ["Persistence:ConnectionString"] = database.ConnectionString,
            ["Persistence:MigrateOnStartup"] = "true",
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:EndpointPrefix"] = endpointPrefix,
            ["Messaging:RabbitMq:Host"] = servers.RabbitMq.Host,
            ["Messaging:RabbitMq:Port"] = servers.RabbitMq.Port.ToString(CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:VirtualHost"] = servers.RabbitMq.VirtualHost,
            ["Messaging:RabbitMq:Username"] = servers.RabbitMq.Username,
            ["Messaging:RabbitMq:Password"] = servers.RabbitMq.Password,
            ["Scheduling:InstanceName"] = instanceName,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
    }

    /// <summary>
    /// Starts <c>dotnet SlaMonitor.Server.dll --role worker</c> with <paramref name="settings"/> as command-line
    /// settings and waits until it answers <c>/health/live</c> (its hosted services, the bus among them, have started).
    /// </summary>
    public static async Task<WorkerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string logFile)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var server = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { server, "--role", "worker", "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(server)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value ?? "");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"=== {DateTimeOffset.UtcNow:O} starting worker on port {port}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet SlaMonitor.Server.dll");
        var worker = new WorkerProcess(process, log, logFile, port);
        try
        {
            await worker.UntilLiveAsync();
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL to the process (and anything it started): no stop code runs, in-flight work is simply cut off.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(30));
        Note($"killed (SIGKILL), exit code {_process.ExitCode}");
    }

    /// <summary>SIGTERM, as a container runtime or systemd stops a service; returns how long the process took to exit.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        var exited = await WaitForExitAsync(deadline);
        watch.Stop();
        Note($"SIGTERM: {(exited ? $"exited with {_process.ExitCode}" : "still running")} after {watch.Elapsed}");
        return exited ? watch.Elapsed : Timeout.InfiniteTimeSpan;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        await _pumps;
        await _log.DisposeAsync();
        _process.Dispose();
    }

    private async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task UntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the worker exited with {_process.ExitCode} while starting; see {LogFile}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            if (waited.Elapsed > ReadyDeadline)
            {
                throw new InvalidOperationException($"the worker did not answer /health/live within {ReadyDeadline.TotalSeconds:0} s; see {LogFile}");
            }

            await Task.Delay(100);
        }
    }

    private void Note(string what)
    {
        lock (_log)
        {
            _log.WriteLine($"=== {DateTimeOffset.UtcNow:O} {what}");
        }
    }

    private async Task PumpAsync(StreamReader from)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
