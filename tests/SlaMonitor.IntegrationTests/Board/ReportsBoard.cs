using Microsoft.AspNetCore.Hosting;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// The board outside Development on real PostgreSQL, with keys for ops and an ACME account manager, promises closed
/// over the last days (met, missed, cancelled, one paused by the customer) and a few open ones, one of them escalated.
/// </summary>
public sealed class ReportsBoard(Servers servers) : BoardHost("Production", new Dictionary<string, string?>
{
    ["Auth:ApiKeys:0:Key"] = AdminKey, ["Auth:ApiKeys:0:Role"] = "admin",
    ["Auth:ApiKeys:1:Key"] = OpsKey, ["Auth:ApiKeys:1:Role"] = "ops", ["Auth:ApiKeys:1:Name"] = "Olga Ops",
    ["Auth:ApiKeys:2:Key"] = AcmeManagerKey, ["Auth:ApiKeys:2:Role"] = "accountManager", ["Auth:ApiKeys:2:Name"] = "Anna AM",
    ["Auth:ApiKeys:2:Customers:0"] = "ACME",
    ["AllowedHosts"] = "127.0.0.1",
})
{
    public const string AdminKey = "reports-admin-key-0001";
    public const string OpsKey = "reports-ops-key-0001";
    public const string AcmeManagerKey = "reports-acme-manager-0001";

    private TestDatabase? _database;

    /// <summary>Midnight UTC of the first day holding a closed promise; every closed promise lies in the 7 days from it.</summary>
    public Instant FirstDay { get; private set; }

    /// <summary>An open promise with an escalation (its page shows every section).</summary>
    public const string EscalatedTicketRef = ReportsData.Escalated;

    public override async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await base.InitializeAsync();
        using var admin = Http(AdminKey);
        FirstDay = await ReportsData.SeedAsync(admin, Clock.GetCurrentInstant());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Persistence:Provider", "Postgres");
        builder.UseSetting("Persistence:ConnectionString", _database!.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The ISO date <paramref name="n"/> days after <see cref="FirstDay"/>.</summary>
    public string Day(int n) => (FirstDay + Duration.FromDays(n)).InUtc().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The reports page over the 7 days holding every closed promise, in UTC, with more of its query.</summary>
    public string ReportUrl(string query) => $"/reports?from={Day(0)}&to={Day(7)}&tz=UTC&{query}";

    /// <summary>Signs a fresh page in with a key and waits for the board.</summary>
    public async Task<Microsoft.Playwright.IPage> SignedInPageAsync(string key, int width = 1440, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/signin");
        await page.FillAsync("input[name=key]", key);
        await page.ClickAsync("button[type=submit]");
        await BoardPage.WaitLiveAsync(page);
        return page;
    }
}
