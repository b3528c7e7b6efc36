using System.Text.Json;
using SlaMonitor.Server.Definitions;

namespace SlaMonitor.Server.Demo;

/// <summary>Sites in four time zones, the three policy shapes, customers and carriers for a newcomer's first run.</summary>
public static class DemoData
{
    public sealed record DemoSite(string Code, string Customer, SiteBody Body);

    public sealed record DemoCarrier(string Code, string Name, string Secret);

    private static readonly string[] Holidays = ["2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"];

    public static readonly IReadOnlyList<DemoSite> Sites =
    [
        Site("ACME-FRA-DC2", "ACME", "ACME Frankfurt data centre 2", "EU", "Europe/Berlin", ["Mon", "Tue", "Wed", "Thu", "Fri"]),
        Site("GLOBEX-NYC-01", "GLOBEX", "Globex Manhattan office", "NA", "America/New_York", ["Mon", "Tue", "Wed", "Thu", "Fri"]),
        Site("INITECH-SAO-01", "INITECH", "Initech São Paulo plant", "LATAM", "America/Sao_Paulo", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]),
        Site("UMBRELLA-SIN-01", "UMBRELLA", "Umbrella Singapore lab", "APAC", "Asia/Singapore", ["Mon", "Tue", "Wed", "Thu", "Fri"]),
    ];

    public static readonly IReadOnlyDictionary<string, PolicyBody> Policies = new Dictionary<string, PolicyBody>
    {
        ["4H-ONSITE"] = Policy("elapsed", JsonSerializer.SerializeToElement("PT4H"), "TECHNICIAN_ONSITE", "PT30M"),
        ["NBD-1700"] = Policy("business", JsonSerializer.SerializeToElement(new { nextBusinessDayBy = "17:00", cutoff = "15:00" }), "DELIVERED", "PT1H"),
        ["8BH-PARTS"] = Policy("business", JsonSerializer.SerializeToElement("PT8H"), "DELIVERED", "PT1H"),
    };

    public static readonly IReadOnlyDictionary<string, CustomerBody> Customers = new Dictionary<string, CustomerBody>
    {
        ["ACME"] = Customer("ACME Industries", "Anna Schmidt", "anna.schmidt@example.com"),
        ["GLOBEX"] = Customer("Globex Corporation", "Hank Scorpio", "hank.scorpio@example.com"),
        ["INITECH"] = Customer("Initech Brasil", "Joana Silva", "joana.silva@example.com"),
        ["UMBRELLA"] = Customer("Umbrella Asia", "Wei Lin", "wei.lin@example.com"),
    };

    /// <summary>Demo secrets are public by design; real carriers get theirs through PUT /api/v1/carriers.</summary>
    public static readonly IReadOnlyList<DemoCarrier> Carriers =
    [
        new("FASTLANE", "FastLane Express", "demo-secret-fastlane-0001"),
        new("NORDFREIGHT", "Nord Freight & Customs", "demo-secret-nordfreight-01"),
        new("FIELDFORCE", "FieldForce Services", "demo-secret-fieldforce-001"),
    ];

    private static DemoSite Site(string code, string customer, string name, string region, string zone, string[] days) =>
        new(code, customer, new SiteBody
        {
            Name = name,
            Region = region,
            TimeZone = zone,
            Calendar = new CalendarBody { WorkingDays = days, Opens = "08:00", Closes = "18:00", Holidays = Holidays },
        });

    private static PolicyBody Policy(string clock, JsonElement target, string fulfilledBy, string margin) => new()
    {
        Clock = clock,
        Target = target,
        FulfilledBy = fulfilledBy,
        PauseOn = ["CUSTOMER_HOLD"],
        AtRiskMargin = margin,
        Escalation =
        [
            new EscalationStepBody { Level = 1, Notify = "board", After = "PT0M" },
            new EscalationStepBody { Level = 2, Notify = "accountManager", After = "PT15M" },
        ],
    };

    private static CustomerBody Customer(string name, string manager, string email) =>
        new() { Name = name, AccountManagers = [new AccountManagerBody { Name = manager, Email = email }] };
}
