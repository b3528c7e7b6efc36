using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 16 on the production stack (PostgreSQL, RabbitMQ, the worker applying events): carriers change only the
/// promises of customers they are granted, and keys see only what their role and scope allow.
/// </summary>
public sealed class TenancyTests(Servers servers)
{
    private const string Stranger = "STRANGER";
    private const string StrangerSecret = "test-secret-stranger-0001";
    private const string OtherCustomer = "OTHERCO";
    private const string ManagerKey = "manager-key-0123456789";
    private const string CarrierKey = "carrier-key-0123456789";

    private static readonly Dictionary<string, string?> Keys = new()
    {
        ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey,
        ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:1:Key"] = ManagerKey,
        ["Auth:ApiKeys:1:Role"] = "accountManager",
        ["Auth:ApiKeys:1:Customers:0"] = TestSetup.Customer,
        ["Auth:ApiKeys:2:Key"] = CarrierKey,
        ["Auth:ApiKeys:2:Role"] = "carrier",
        ["Auth:ApiKeys:2:Carrier"] = Stranger,
    };

    [Fact]
    public async Task On_PostgreSQL_an_ungranted_carrier_cannot_open_or_close_another_customers_promise_and_its_refusals_are_in_its_log()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Keys);
        using var admin = app.Admin();
        await ConfigureAsync(admin);
        var ticket = PromisesApi.NewTicketRef();
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Opened(ticket, Webhook.Now() - Duration.FromMinutes(30)));
        await PromisesApi.UntilStatusAsync(admin, ticket, "ON_TRACK");

        // The stranger's OPENED of a new ACME ticket: refused at the webhook.
        var strangersTicket = PromisesApi.NewTicketRef();
        using (var response = await SignedEvents.PostAsync(admin, SignedEvents.Opened(strangersTicket, Webhook.Now()), Webhook.Now(), Stranger, StrangerSecret))
        {
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("refused", answer.GetProperty("results")[0].GetProperty("result").GetString());
        }

        // The stranger's TECHNICIAN_ONSITE for the ACME promise: accepted, then refused when applied.
        using (var response = await SignedEvents.PostAsync(admin, SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, Webhook.Now()), Webhook.Now(), Stranger, StrangerSecret))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.UntilAsync(
            () => database.CountAsync($"SELECT COUNT(*) FROM \"Events\" WHERE \"CarrierCode\" = '{Stranger}' AND \"RefusedReason\" IS NOT NULL"),
            n => n == 1, "the stranger's event stored as refused");
        var promise = await PromisesApi.GetAsync(admin, ticket);
        Assert.Equal("ON_TRACK", promise!["status"]!.GetValue<string>());
        Assert.DoesNotContain(promise["timeline"]!.AsArray(), e => e!["carrier"]!.GetValue<string>() == Stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/promises/{strangersTicket}")).StatusCode);

        // The stranger reads its own delivery log with its carrier key: the refusal is there; FASTLANE's log is not its to read.
        using var carrier = app.CreateClient();
        carrier.DefaultRequestHeaders.Authorization = new("Bearer", CarrierKey);
        var log = await Eventually.UntilAsync(
            () => carrier.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{Stranger}/deliveries?outcome=rejected"),
            page => page.GetProperty("items").EnumerateArray().Any(d => (d.GetProperty("problem").GetString() ?? "").Contains("Refused when applied", StringComparison.Ordinal)),
            "the refusal in the stranger's delivery log");
        Assert.NotEmpty(log.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await carrier.GetAsync($"/api/v1/carriers/{TestSetup.Carrier}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await carrier.GetAsync("/api/v1/promises")).StatusCode);
    }

    [Fact]
    public async Task On_PostgreSQL_an_account_manager_sees_only_their_customers_records_promises_and_escalations()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix(), settings: Escalating.Settings(Keys));
        using var admin = app.Admin();
        await ConfigureAsync(admin);
        await Escalating.PutAsync(admin, $"/api/v1/policies/{TestSetup.ServiceLevel}", TestSetup.PolicyWithLadderBody());
        var own = PromisesApi.NewTicketRef();
        var other = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Escalating.OpenedAgo;
        var otherOpened = SignedEvents.Opened(other, openedAt);
        otherOpened["opened"]!["customer"] = OtherCustomer;
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Batch(SignedEvents.Opened(own, openedAt), otherOpened));
        var ownEscalation = await Escalating.UntilAsync(admin, own, _ => true, "ACME's escalation");
        var otherEscalation = await Escalating.UntilAsync(admin, other, _ => true, "OTHERCO's escalation");

        using var manager = app.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new("Bearer", ManagerKey);
        var customers = await manager.GetFromJsonAsync<JsonElement>("/api/v1/customers");
        Assert.Equal([TestSetup.Customer], customers.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/customers/{OtherCustomer}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/promises/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/promises/{other}")).StatusCode);
        var promises = await manager.GetFromJsonAsync<JsonElement>("/api/v1/promises");
        Assert.All(promises.GetProperty("items").EnumerateArray(), p => Assert.Equal(TestSetup.Customer, p.GetProperty("customer").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/escalations/{ownEscalation.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/escalations/{otherEscalation.GetProperty("id").GetGuid()}")).StatusCode);
        using var assign = await manager.PostAsJsonAsync($"/api/v1/escalations/{otherEscalation.GetProperty("id").GetGuid()}/assign", new { to = "me" });
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/parked-events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/carriers/{TestSetup.Carrier}/deliveries")).StatusCode);
    }

    private static async Task ConfigureAsync(HttpClient admin)
    {
        await TestSetup.ConfigureAsync(admin);
        var other = TestSetup.CustomerBody();
        other["name"] = "Other Co";
        await Escalating.PutAsync(admin, $"/api/v1/customers/{OtherCustomer}", other);
        await Escalating.PutAsync(admin, $"/api/v1/carriers/{Stranger}",
            new JsonObject { ["name"] = "Stranger Freight", ["secret"] = StrangerSecret, ["format"] = "canonical", ["customers"] = new JsonArray(OtherCustomer) });
    }
}
