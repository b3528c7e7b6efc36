using SlaMonitor.Tests.Shared;
using NodaTime;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>The board as `dotnet run` serves it (Development: no sign-in), with four promises in two regions.</summary>
public sealed class DevelopmentBoard() : BoardHost("Development")
{
    public const string AdminKey = "dev-admin-key";

    /// <summary>When the promises were seeded (tests may move the clock on afterwards).</summary>
    public Instant SeededAt { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        using var admin = Http(AdminKey);
        await BoardData.ConfigureAsync(admin);
        var now = SeededAt = Clock.GetCurrentInstant();
        await BoardData.OpenAsync(admin, now, "B-ORDER-3", "ACME", BoardData.Berlin, now - Duration.FromHours(1));
        await BoardData.OpenAsync(admin, now, "B-ORDER-1", "ACME", BoardData.Berlin, now - Duration.FromHours(3));
        await BoardData.OpenAsync(admin, now, "B-ORDER-4", "GLOBEX", BoardData.NewYork, now - Duration.FromMinutes(30), "NORDFREIGHT");
        await BoardData.OpenAsync(admin, now, "B-ORDER-2", "GLOBEX", BoardData.NewYork, now - Duration.FromHours(2), "NORDFREIGHT");
        await BoardData.PostAsync(admin, "NORDFREIGHT", now, BoardData.Event("B-ORDER-4", "shipment", "PICKED_UP", now - Duration.FromMinutes(20), new()
        {
            ["shipmentRef"] = "1ZSHIP0042",
        }));
        await Eventually.UntilAsync(() => admin.GetStringAsync("/api/v1/promises?q=B-ORDER-"), s => s.Contains("\"total\":4", StringComparison.Ordinal), "four seeded promises");
    }
}
