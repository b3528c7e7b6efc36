using SlaMonitor.Tests.Shared;
using NodaTime;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>The board outside Development: configured keys for each role, sign-in required.</summary>
public sealed class ProductionBoard() : BoardHost("Production", new Dictionary<string, string?>
{
    ["Auth:ApiKeys:0:Key"] = AdminKey, ["Auth:ApiKeys:0:Role"] = "admin",
    ["Auth:ApiKeys:1:Key"] = OpsKey, ["Auth:ApiKeys:1:Role"] = "ops", ["Auth:ApiKeys:1:Name"] = "Olga Ops",
    ["Auth:ApiKeys:2:Key"] = AcmeManagerKey, ["Auth:ApiKeys:2:Role"] = "accountManager", ["Auth:ApiKeys:2:Name"] = "Anna AM",
    ["Auth:ApiKeys:2:Customers:0"] = "ACME",
    ["AllowedHosts"] = "127.0.0.1",
})
{
    public const string AdminKey = "board-admin-key-0001";
    public const string OpsKey = "board-ops-key-0001";
    public const string AcmeManagerKey = "board-acme-manager-0001";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        using var admin = Http(AdminKey);
        await BoardData.ConfigureAsync(admin);
        var now = Clock.GetCurrentInstant();
        await BoardData.OpenAsync(admin, now, "S-ACME-1", "ACME", BoardData.Berlin, now - Duration.FromHours(1));
        await BoardData.OpenAsync(admin, now, "S-GLOBEX-1", "GLOBEX", BoardData.NewYork, now - Duration.FromHours(2));
        await Eventually.UntilAsync(() => admin.GetStringAsync("/api/v1/promises?q=S-"), s => s.Contains("\"total\":2", StringComparison.Ordinal), "two seeded promises");
    }
}
