using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Issue 16, "roles exactly as PRODUCT.md says": every endpoint the server maps × every role (admin, ops, account
/// manager of ACME, carrier key of FASTLANE, no key). Forbidden endpoint → 403, no key → 401, another customer's or
/// carrier's resource → 404. An endpoint missing from <see cref="Rules"/> fails the test, so a new endpoint cannot
/// ship without a rule.
/// </summary>
public sealed class EndpointAccessTests : IAsyncLifetime
{
    private const string OpsKey = "ops-key-0123456789";
    private const string ManagerKey = "manager-key-0123456789";
    private const string CarrierKey = "carrier-key-0123456789";
    private const string OtherCustomer = "OTHERCO";
    private const string OtherCarrier = "SWIFTAIR";
    private readonly SlaApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey,
        ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:1:Key"] = OpsKey,
        ["Auth:ApiKeys:1:Role"] = "ops",
        ["Auth:ApiKeys:2:Key"] = ManagerKey,
        ["Auth:ApiKeys:2:Role"] = "accountManager",
        ["Auth:ApiKeys:2:Customers:0"] = TestSetup.Customer,
        ["Auth:ApiKeys:3:Key"] = CarrierKey,
        ["Auth:ApiKeys:3:Role"] = "carrier",
        ["Auth:ApiKeys:3:Carrier"] = TestSetup.Carrier,
    });

    private HttpClient _admin = null!;
    private Guid _ownEscalation;
    private Guid _otherEscalation;
    private string _ownOpenedEvent = "";

    private enum Rule
    {
        /// <summary>Anyone, signed in or not (pages, health, the OpenAPI document, the board's sign-in, which answers 401 to a wrong key).</summary>
        Open,

        /// <summary>Signed by the carrier's secret, not by a key: without a signature every caller gets 401.</summary>
        Signature,

        Admin,
        Ops,

        /// <summary>Admin, ops and account managers; not about one customer (lists are filtered, sites and policies are shared).</summary>
        Reader,

        /// <summary>Admin, ops, and account managers for their own customers' rows (another customer's: 404).</summary>
        ReaderOwnCustomer,

        /// <summary>Admin and ops, and a carrier key for its own carrier (another carrier's: 404).</summary>
        CarrierLog,
    }

    private enum Caller { Admin, Ops, AccountManager, Carrier, Anonymous }

    private sealed record Row(string Endpoint, Rule Rule, string Own, string? Other = null, string? Body = null);

    /// <summary>Every endpoint: "METHOD pattern" as mapped, its rule, a path to one of ACME's/FASTLANE's resources and one to another's.</summary>
    private List<Row> Rules() =>
    [
        new("GET /", Rule.Open, "/"),
        new("GET /signin", Rule.Open, "/signin"),
        new("GET /promise/{ticketRef}", Rule.Open, "/promise/T-OWN"),
        new("GET /reports", Rule.Open, "/reports"),
        new("GET /board/session/", Rule.Open, "/board/session/"),
        new("POST /board/session/", Rule.Open, "/board/session/", Body: "{}"),
        new("DELETE /board/session/", Rule.Open, "/board/session/"),
        new("* /health/live", Rule.Open, "/health/live"),
        new("* /health/ready", Rule.Open, "/health/ready"),
        new("GET /openapi/{documentName}.json", Rule.Open, "/openapi/v1.json"),
        new("GET /docs/{documentName?}", Rule.Open, "/docs/"),
        new("GET /docs/scalar.js", Rule.Open, "/docs/scalar.js"),
        new("GET /docs/scalar.aspnetcore.js", Rule.Open, "/docs/scalar.aspnetcore.js"),
        new("GET /docs/favicon.svg", Rule.Open, "/docs/favicon.svg"),
        new("GET /board/api/stats", Rule.Reader, "/board/api/stats"),
        new("* /board/hub/negotiate", Rule.Reader, "/board/hub/negotiate?negotiateVersion=1"),
        new("* /board/hub", Rule.Reader, "/board/hub"),
        new("POST /api/v1/carriers/{carrierCode}/events", Rule.Signature, $"/api/v1/carriers/{TestSetup.Carrier}/events", Body: "{}"),
        new("GET /api/v1/carriers/{code}/deliveries", Rule.CarrierLog, $"/api/v1/carriers/{TestSetup.Carrier}/deliveries", $"/api/v1/carriers/{OtherCarrier}/deliveries"),
        new("GET /api/v1/parked-events", Rule.CarrierLog, "/api/v1/parked-events"),
        new("PUT /api/v1/sites/{siteCode}", Rule.Admin, $"/api/v1/sites/{TestSetup.Site}", Body: "{}"),
        new("GET /api/v1/sites/", Rule.Reader, "/api/v1/sites/"),
        new("GET /api/v1/sites/{siteCode}", Rule.Reader, $"/api/v1/sites/{TestSetup.Site}"),
        new("PUT /api/v1/policies/{serviceLevel}", Rule.Admin, $"/api/v1/policies/{TestSetup.ServiceLevel}", Body: "{}"),
        new("GET /api/v1/policies/", Rule.Reader, "/api/v1/policies/"),
        new("GET /api/v1/policies/{serviceLevel}", Rule.Reader, $"/api/v1/policies/{TestSetup.ServiceLevel}"),
        new("GET /api/v1/policies/{serviceLevel}/versions/{version:int}", Rule.Reader, $"/api/v1/policies/{TestSetup.ServiceLevel}/versions/1"),
        new("PUT /api/v1/customers/{code}", Rule.Admin, $"/api/v1/customers/{TestSetup.Customer}", Body: "{}"),
        new("GET /api/v1/customers/", Rule.Reader, "/api/v1/customers/"),
        new("GET /api/v1/customers/{code}", Rule.ReaderOwnCustomer, $"/api/v1/customers/{TestSetup.Customer}", $"/api/v1/customers/{OtherCustomer}"),
        new("DELETE /api/v1/customers/{code}/previous-alert-secret", Rule.Admin, $"/api/v1/customers/{TestSetup.Customer}/previous-alert-secret"),
        new("PUT /api/v1/carriers/{code}", Rule.Admin, $"/api/v1/carriers/{TestSetup.Carrier}", Body: "{}"),
        new("GET /api/v1/carriers/", Rule.Ops, "/api/v1/carriers/"),
        new("GET /api/v1/carriers/{code}", Rule.Ops, $"/api/v1/carriers/{TestSetup.Carrier}"),
        new("DELETE /api/v1/carriers/{code}/previous-secret", Rule.Admin, $"/api/v1/carriers/{TestSetup.Carrier}/previous-secret"),
        new("GET /api/v1/promises/", Rule.Reader, "/api/v1/promises/"),
        new("GET /api/v1/promises/{ticketRef}", Rule.ReaderOwnCustomer, "/api/v1/promises/T-OWN", "/api/v1/promises/T-OTHER"),
        new("POST /api/v1/promises/{ticketRef}/events/{eventId}/void", Rule.Ops, $"/api/v1/promises/T-OWN/events/{_ownOpenedEvent}/void", Body: "{}"),
        new("POST /api/v1/promises/{ticketRef}/corrections", Rule.Ops, "/api/v1/promises/T-OWN/corrections", Body: "{}"),
        new("GET /api/v1/escalations/", Rule.Reader, "/api/v1/escalations/"),
        new("GET /api/v1/escalations/metrics", Rule.Reader, "/api/v1/escalations/metrics"),
        new("GET /api/v1/escalations/{id:guid}", Rule.ReaderOwnCustomer, $"/api/v1/escalations/{_ownEscalation}", $"/api/v1/escalations/{_otherEscalation}"),
        new("POST /api/v1/escalations/{id:guid}/acknowledge", Rule.ReaderOwnCustomer, $"/api/v1/escalations/{_ownEscalation}/acknowledge", $"/api/v1/escalations/{_otherEscalation}/acknowledge", "{}"),
        new("POST /api/v1/escalations/{id:guid}/assign", Rule.ReaderOwnCustomer, $"/api/v1/escalations/{_ownEscalation}/assign", $"/api/v1/escalations/{_otherEscalation}/assign", "{}"),
        new("POST /api/v1/escalations/{id:guid}/resolve", Rule.Ops, $"/api/v1/escalations/{_ownEscalation}/resolve", Body: "{}"),
        new("POST /api/v1/silences/", Rule.Ops, "/api/v1/silences/", Body: "{}"),
        new("GET /api/v1/silences/", Rule.Reader, "/api/v1/silences/"),
        new("DELETE /api/v1/silences/{id:guid}", Rule.Ops, "/api/v1/silences/{silence}"),
        new("GET /api/v1/audit/", Rule.Admin, "/api/v1/audit/"),
        new("GET /api/v1/reports/attainment", Rule.Reader, "/api/v1/reports/attainment?from=2026-11-01&to=2026-12-01"),
        new("GET /api/v1/reports/attainment", Rule.ReaderOwnCustomer, $"/api/v1/reports/attainment?from=2026-11-01&to=2026-12-01&customer={TestSetup.Customer}", $"/api/v1/reports/attainment?from=2026-11-01&to=2026-12-01&customer={OtherCustomer}"),
        new("GET /api/v1/reports/carriers", Rule.Reader, "/api/v1/reports/carriers?from=2026-11-01&to=2026-12-01"),
        new("GET /api/v1/reports/summary", Rule.Reader, "/api/v1/reports/summary?from=2026-11-01&to=2026-12-01"),
        new("GET /api/v1/reports/summary", Rule.ReaderOwnCustomer, $"/api/v1/reports/summary?from=2026-11-01&to=2026-12-01&customer={TestSetup.Customer}", $"/api/v1/reports/summary?from=2026-11-01&to=2026-12-01&customer={OtherCustomer}"),
    ];

    public async ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        await TestSetup.ConfigureAsync(_admin);
        await PutAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", TestSetup.PolicyWithLadderBody());
        var other = TestSetup.CustomerBody();
        other["name"] = "Other Co";
        await PutAsync($"/api/v1/customers/{OtherCustomer}", other);
        await PutAsync($"/api/v1/carriers/{OtherCarrier}", new JsonObject { ["name"] = "Swift Air", ["secret"] = "test-secret-swiftair-0001", ["format"] = "canonical", ["customers"] = new JsonArray("*") });

        // A breached promise of each customer, so each has an escalation.
        var openedAt = _app.Clock.GetCurrentInstant() - Duration.FromHours(5);
        var otherOpened = SignedEvents.Opened("T-OTHER", openedAt);
        otherOpened["opened"]!["customer"] = OtherCustomer;
        using var carrier = _app.CreateClient();
        var ownOpened = SignedEvents.Opened("T-OWN", openedAt);
        _ownOpenedEvent = (string)ownOpened["eventId"]!;
        foreach (var body in new[] { ownOpened, otherOpened })
        {
            using var response = await SignedEvents.PostAsync(carrier, body, _app.Clock.GetCurrentInstant());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        _ownEscalation = (await EscalationReads.UntilAsync(_admin, "T-OWN", _ => true)).GetProperty("id").GetGuid();
        _otherEscalation = (await EscalationReads.UntilAsync(_admin, "T-OTHER", _ => true)).GetProperty("id").GetGuid();
    }

    [Fact]
    public void Every_mapped_endpoint_has_an_access_rule()
    {
        var mapped = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct(StringComparer.Ordinal).ToList();
        var ruled = Rules().Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);
        var missing = mapped.Where(m => !ruled.Contains(m)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "endpoints without an access rule in EndpointAccessTests.Rules: " + string.Join(", ", missing));
        var stale = ruled.Where(r => !mapped.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "rules for endpoints that are not mapped: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_its_rule_says()
    {
        var wrong = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var client = ClientFor(caller);
            foreach (var row in Rules())
            {
                var own = row.Own.Replace("{silence}", (await NewSilenceAsync()).ToString(), StringComparison.Ordinal);
                var status = await SendAsync(client, row, own);
                if (!Expected(row.Rule, caller, ownResource: true)(status))
                {
                    wrong.Add($"{caller} {row.Endpoint} ({own}): {status}");
                }

                if (row.Other is { } other && await SendAsync(client, row, other) is var answer && !Expected(row.Rule, caller, ownResource: false)(answer))
                {
                    wrong.Add($"{caller} {row.Endpoint} another's ({other}): {answer}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers not as the rules say:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    /// <summary>What the rule allows the caller, for its own resource or another's.</summary>
    private static Func<int, bool> Expected(Rule rule, Caller caller, bool ownResource)
    {
        static bool Allowed(int s) => s is not (401 or 403 or 404) and < 500;
        static Func<int, bool> Is(int expected) => s => s == expected;
        if (caller == Caller.Anonymous && rule is not (Rule.Open or Rule.Signature))
        {
            return Is(401);
        }

        return rule switch
        {
            Rule.Open => s => s is not 403 and < 500,
            Rule.Signature => Is(401),
            Rule.Admin => caller == Caller.Admin ? Allowed : Is(403),
            Rule.Ops => caller is Caller.Admin or Caller.Ops ? Allowed : Is(403),
            Rule.Reader => caller is Caller.Carrier ? Is(403) : Allowed,
            Rule.ReaderOwnCustomer => caller switch
            {
                Caller.Carrier => Is(403),
                Caller.AccountManager when !ownResource => Is(404),
                _ => Allowed,
            },
            Rule.CarrierLog => caller switch
            {
                Caller.AccountManager => Is(403),
                Caller.Carrier when !ownResource => Is(404),
                _ => Allowed,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    private async Task<int> SendAsync(HttpClient client, Row row, string path)
    {
        var method = row.Endpoint.Split(' ')[0] is "*" ? (row.Endpoint.EndsWith("/negotiate", StringComparison.Ordinal) ? "POST" : "GET") : row.Endpoint.Split(' ')[0];
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (row.Body is not null)
        {
            request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private HttpClient ClientFor(Caller caller)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var key = caller switch
        {
            Caller.Admin => TestSetup.AdminKey,
            Caller.Ops => OpsKey,
            Caller.AccountManager => ManagerKey,
            Caller.Carrier => CarrierKey,
            _ => null,
        };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        }

        return client;
    }

    private async Task<Guid> NewSilenceAsync()
    {
        var now = _app.Clock.GetCurrentInstant();
        using var response = await _admin.PostAsJsonAsync("/api/v1/silences", new JsonObject
        {
            ["carrier"] = OtherCarrier,
            ["from"] = now.ToString(),
            ["until"] = (now + Duration.FromHours(1)).ToString(),
            ["reason"] = "access test",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task PutAsync(string path, JsonObject body)
    {
        using var response = await _admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }
}
