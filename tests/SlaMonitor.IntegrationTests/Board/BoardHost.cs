using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// The product on a real Kestrel port on 127.0.0.1 (SQLite file, in-memory transport: the board does not depend on the
/// broker), and Chromium from the distribution's package driven by Playwright. The clock is a FakeClock starting at the
/// real time (so the browser's countdowns make sense) unless <paramref name="realClock"/>.
/// </summary>
public class BoardHost(string environment, IReadOnlyDictionary<string, string?>? settings = null, bool realClock = false)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"slamonitor-board-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public FakeClock Clock { get; } = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>A fresh browser context (cookies, storage) for one test, at laptop size unless told.</summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            TimezoneId = "America/New_York",
            Locale = "en-US",
        });
        return await context.NewPageAsync();
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"The browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium");
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ["--no-sandbox"], Headless = true });
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Persistence:ConnectionString", $"Data Source={_databasePath}");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Notifications:Smtp:PickupDirectory", Path.Combine(Path.GetTempPath(), $"slamonitor-board-mail-{Guid.NewGuid():N}"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Scheduling:InstanceName", $"board-{Guid.NewGuid():N}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (!realClock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<NodaTime.IClock>(Clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }

        GC.SuppressFinalize(this);
    }
}
