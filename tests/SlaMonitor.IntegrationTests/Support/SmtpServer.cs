using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// A real SMTP server for the run of a test class: the distribution's aiosmtpd (Debian package
/// python3-aiosmtpd, installed by ./test.sh when missing) with its Mailbox handler, listening on a free loopback
/// port and storing every message it accepts in a Maildir. The handler (<c>counting_mailbox.py</c>) also logs each
/// session, QUIT, refused recipient and accepted message, in order. <see cref="StopAsync"/> and
/// <see cref="StartAsync"/> take it down and bring it back on the same port and Maildir, so messages accumulate.
/// Never skipped: without aiosmtpd the tests fail saying so.
/// </summary>
public sealed class SmtpServer : IAsyncLifetime
{
    /// <summary>The distribution's interpreter (a pyenv or venv python on PATH would not see the Debian package); override with SLAMONITOR_TEST_PYTHON.</summary>
    private static readonly string Python = Environment.GetEnvironmentVariable("SLAMONITOR_TEST_PYTHON") is { Length: > 0 } python
        ? python
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"slamonitor-smtp-{Guid.NewGuid():N}");
    private Process? _process;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        return new ValueTask(StartAsync());
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> with the same Maildir.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "counting_mailbox.CountingMailbox", Path.Combine(_folder, "Maildir") },
            Environment = { ["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Support") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python} -m aiosmtpd");
        var errors = _process.StandardError.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (!await ListensAsync())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited with {_process.ExitCode} (install python3-aiosmtpd, or run ./test.sh as root to have it installed): {await errors}");
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"aiosmtpd did not listen on {Host}:{Port} within 30 s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server: its connections drop and the port refuses until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_folder, "Maildir", "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Time)
                .Select(f => MimeMessage.Load(f.File)).ToList()
            : [];
    }

    /// <summary>SMTP sessions (EHLO or HELO) so far, each one a connection.</summary>
    public int Sessions() => Events().Count(e => e.Kind is "EHLO" or "HELO");

    /// <summary>The Message-Id (without brackets) of every message accepted so far, in the order they arrived.</summary>
    public IReadOnlyList<string> Arrivals() => Events().Where(e => e.Kind == "MESSAGE").Select(e => e.Detail.Trim('<', '>')).ToList();

    /// <summary>What the server logged, in order: (EHLO|HELO|QUIT|REFUSED|MESSAGE, the client's port, the recipient or Message-Id).</summary>
    public IReadOnlyList<(string Kind, int ClientPort, string Detail)> Events()
    {
        var log = Path.Combine(_folder, "events.log");
        if (!File.Exists(log))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 3))
            .Select(w => (w[0], int.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture), w.Length > 2 ? w[2] : ""))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<bool> ListensAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
