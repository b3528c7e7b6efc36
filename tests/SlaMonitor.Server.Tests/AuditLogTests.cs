using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Quartz;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Scheduling;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Issue 16, point 5: configuration changes and actions on escalations are in the audit log with the key's name, the
/// instant and the state before and after (secrets redacted); GET /audit filters and pages, for admins only, and the
/// clean-up keeps it as long as Retention:Audit.
/// </summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private const string OpsKey = "ops-key-0123456789";
    private const string ManagerKey = "manager-key-0123456789";
    private readonly SlaApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0:Key"] = TestSetup.AdminKey,
        ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:0:Name"] = "Ada Admin",
        ["Auth:ApiKeys:1:Key"] = OpsKey,
        ["Auth:ApiKeys:1:Role"] = "ops",
        ["Auth:ApiKeys:1:Name"] = "Olga Ops",
        ["Auth:ApiKeys:2:Key"] = ManagerKey,
        ["Auth:ApiKeys:2:Role"] = "accountManager",
        ["Auth:ApiKeys:2:Customers:0"] = TestSetup.Customer,
        ["Retention:Audit"] = "90.00:00:00",
    });

    private HttpClient _admin = null!;
    private HttpClient _ops = null!;

    private Instant Now => _app.Clock.GetCurrentInstant();

    public async ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        _ops = _app.CreateClient();
        _ops.DefaultRequestHeaders.Authorization = new("Bearer", OpsKey);
        await TestSetup.ConfigureAsync(_admin);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _ops.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_carrier_change_is_audited_with_the_key_name_the_instant_and_before_and_after_with_its_secrets_redacted()
    {
        _app.Clock.Advance(Duration.FromMinutes(5));
        var body = TestSetup.CarrierBody();
        body["secret"] = "rotated-secret-fastlane-0002";
        await PutAsync($"/api/v1/carriers/{TestSetup.Carrier}", body);

        var raw = await _admin.GetStringAsync($"/api/v1/audit?entity=carrier/{TestSetup.Carrier}");
        var entries = Items(JsonNode.Parse(raw)!);

        Assert.Equal(2, entries.Count);
        var rotation = entries[0];
        Assert.Equal(("Ada Admin", "carrier", TestSetup.Carrier, "put"), (Text(rotation, "actor"), Text(rotation, "entity"), Text(rotation, "key"), Text(rotation, "action")));
        Assert.Equal(Now.ToDateTimeOffset(), rotation["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal("[redacted]", Text(rotation["before"]!, "secret"));
        Assert.Null(rotation["before"]!["previousSecret"]);
        Assert.Equal(("[redacted]", "[redacted]"), (Text(rotation["after"]!, "secret"), Text(rotation["after"]!, "previousSecret")));
        Assert.Equal("FastLane Express", Text(rotation["after"]!, "name"));
        Assert.Null(entries[1]["before"]);
        Assert.DoesNotContain(TestSetup.CarrierSecret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("rotated-secret-fastlane-0002", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_alert_secret_and_its_previous_one_are_redacted_and_the_account_managers_shown_as_json()
    {
        var body = TestSetup.CustomerBody();
        body["alertSecret"] = "first-alert-secret-0001";
        await PutAsync($"/api/v1/customers/{TestSetup.Customer}", body);
        body["alertSecret"] = "second-alert-secret-0002";
        await PutAsync($"/api/v1/customers/{TestSetup.Customer}", body);
        using (var retired = await _admin.DeleteAsync($"/api/v1/customers/{TestSetup.Customer}/previous-alert-secret"))
        {
            Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        }

        var raw = await _admin.GetStringAsync($"/api/v1/audit?entity=customer/{TestSetup.Customer}");
        var entries = Items(JsonNode.Parse(raw)!);

        Assert.Equal(["retirePreviousAlertSecret", "put", "put", "put"], entries.Select(e => Text(e, "action")));
        Assert.Equal(("[redacted]", "[redacted]"), (Text(entries[1]["after"]!, "alertSecret"), Text(entries[1]["after"]!, "previousAlertSecret")));
        Assert.Equal("[redacted]", Text(entries[0]["before"]!, "previousAlertSecret"));
        Assert.Null(entries[0]["after"]!["previousAlertSecret"]);
        Assert.Equal("dana@example.com", Text(entries[0]["after"]!["accountManagers"]![0]!, "email"));
        Assert.DoesNotContain("first-alert-secret-0001", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("second-alert-secret-0002", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sites_policies_and_silences_are_audited_with_what_changed()
    {
        var site = TestSetup.SiteBody();
        site["name"] = "ACME Frankfurt DC2 (new hall)";
        await PutAsync($"/api/v1/sites/{TestSetup.Site}", site);
        var policy = TestSetup.PolicyBody();
        policy["target"] = "PT6H";
        await PutAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        await PutAsync($"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        var silence = await CreateSilenceAsync();
        using (var ended = await _ops.DeleteAsync($"/api/v1/silences/{silence}"))
        {
            Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        }

        var sites = Items(await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit?entity=site"));
        var policies = Items(await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit?entity=policy"));
        var silences = Items(await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit?entity=silence"));

        Assert.Equal(("ACME Frankfurt DC2", "ACME Frankfurt DC2 (new hall)"), (Text(sites[0]["before"]!, "name"), Text(sites[0]["after"]!, "name")));
        Assert.Equal("08:00", Text(sites[0]["after"]!["calendar"]!, "opens"));
        Assert.Equal(2, policies.Count); // the second PUT of the same definition changed nothing
        Assert.Equal(("PT4H", "PT6H"), (Text(policies[0]["before"]!["policy"]!, "target"), Text(policies[0]["after"]!["policy"]!, "target")));
        Assert.Equal(2, policies[0]["after"]!["version"]!.GetValue<int>());
        Assert.Equal([("end", "Olga Ops"), ("create", "Olga Ops")], silences.Select(e => (Text(e, "action"), Text(e, "actor"))));
        Assert.Null(silences[0]["before"]!["endedAt"]);
        Assert.NotNull(silences[0]["after"]!["endedAt"]);
    }

    [Fact]
    public async Task Acknowledge_assign_and_resolve_are_audited_with_the_key_name_and_a_by_in_the_body_is_ignored()
    {
        using var carrier = _app.CreateClient();
        using (var opened = await SignedEvents.PostAsync(carrier, SignedEvents.Opened("T-AUDIT", Now - Duration.FromHours(5)), Now))
        {
            Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        }

        var id = (await EscalationReads.UntilAsync(_admin, "T-AUDIT", _ => true)).GetProperty("id").GetGuid();
        using var ack = await _ops.PostAsJsonAsync($"/api/v1/escalations/{id}/acknowledge", new { by = "somebody else", note = "calling" });
        using var assign = await _ops.PostAsJsonAsync($"/api/v1/escalations/{id}/assign", new { to = "Sam Field" });
        using var resolve = await _admin.PostAsync($"/api/v1/escalations/{id}/resolve", null);

        var entries = Items(await _admin.GetFromJsonAsync<JsonNode>($"/api/v1/audit?entity=escalation/{id}"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (ack.StatusCode, assign.StatusCode, resolve.StatusCode));
        Assert.Equal("Olga Ops", Text((await ack.Content.ReadFromJsonAsync<JsonNode>())!, "acknowledgedBy"));
        Assert.Equal([("resolve", "Ada Admin"), ("assign", "Olga Ops"), ("acknowledge", "Olga Ops")], entries.Select(e => (Text(e, "action"), Text(e, "actor"))));
        var acknowledged = entries[2];
        Assert.Equal(("open", "acknowledged", "Olga Ops", "calling"),
            (Text(acknowledged["before"]!, "state"), Text(acknowledged["after"]!, "state"), Text(acknowledged["after"]!, "acknowledgedBy"), Text(acknowledged["after"]!, "acknowledgeNote")));
        Assert.Equal("Sam Field", Text(entries[1]["after"]!, "assignedTo"));
        Assert.Equal(("acknowledged", "resolved"), (Text(entries[0]["before"]!, "state"), Text(entries[0]["after"]!, "state")));
    }

    [Fact]
    public async Task The_audit_log_filters_by_entity_actor_and_time_and_pages_newest_first()
    {
        var start = Now;
        for (var i = 1; i <= 3; i++)
        {
            _app.Clock.Advance(Duration.FromMinutes(10));
            var site = TestSetup.SiteBody();
            site["name"] = $"Hall {i}";
            await PutAsync($"/api/v1/sites/{TestSetup.Site}", site);
        }

        await CreateSilenceAsync();
        var from = Uri.EscapeDataString((start + Duration.FromMinutes(15)).ToDateTimeOffset().ToString("o"));
        var to = Uri.EscapeDataString((start + Duration.FromMinutes(30)).ToDateTimeOffset().ToString("o"));

        var window = await _admin.GetFromJsonAsync<JsonNode>($"/api/v1/audit?entity=site&from={from}&to={to}");
        var page = await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit?entity=site&offset=1&limit=2");
        var byOps = Items(await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit?actor=Olga%20Ops"));
        var all = Items(await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit"));

        Assert.Equal(["Hall 2"], Items(window).Select(e => Text(e["after"]!, "name")));
        Assert.Equal(4, page!["total"]!.GetValue<int>());
        Assert.Equal(["Hall 2", "Hall 1"], Items(page).Select(e => Text(e["after"]!, "name")));
        Assert.Equal([("silence", "create")], byOps.Select(e => (Text(e, "entity"), Text(e, "action"))));
        Assert.Equal(all.Select(e => e["at"]!.GetValue<DateTimeOffset>()).OrderDescending(), all.Select(e => e["at"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(4 + 1 + 3, all.Count); // the four PUTs of the setup and the silence, then the three site changes
    }

    [Theory]
    [InlineData("entity=nothing", "entity")]
    [InlineData("from=2026-11-23T10:00:00", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "to")]
    [InlineData("from=2400-01-01T00:00:00Z", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Invalid_audit_parameters_are_refused_naming_the_parameter(string query, string field)
    {
        using var response = await _admin.GetAsync($"/api/v1/audit?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        using var manager = _app.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new("Bearer", ManagerKey);
        using var anonymous = _app.CreateClient();

        using var byOps = await _ops.GetAsync("/api/v1/audit");
        using var byManager = await manager.GetAsync("/api/v1/audit");
        using var byNobody = await anonymous.GetAsync("/api/v1/audit");
        using var byAdmin = await _admin.GetAsync("/api/v1/audit");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            (byOps.StatusCode, byManager.StatusCode, byNobody.StatusCode, byAdmin.StatusCode));
    }

    [Fact]
    public async Task Audit_entries_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        await FirstScheduledCleanUpDoneAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
            foreach (var (key, age) in new[] { ("old", Duration.FromDays(91)), ("recent", Duration.FromDays(89)) })
            {
                db.AuditLog.Add(new AuditEntry { At = (Now - age).ToDateTimeUtc(), Actor = "seed", Entity = "site", EntityKey = key, Action = "put" });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        int deleted;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            deleted = await scope.ServiceProvider.GetRequiredService<AuditLogCleanup>().CleanAsync(Now, TestContext.Current.CancellationToken);
        }

        var seeded = Items(await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit?actor=seed"));
        Assert.Equal(1, deleted);
        Assert.Equal(["recent"], seeded.Select(e => Text(e, "key")));
        Assert.Equal(4, Items(await _admin.GetFromJsonAsync<JsonNode>("/api/v1/audit?actor=Ada%20Admin")).Count);
    }

    /// <summary>The clean-up also runs at start-up; rows seeded after it are seen only by the test's own run.</summary>
    private async Task FirstScheduledCleanUpDoneAsync()
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = new TriggerKey("clean-up-audit-trigger", "maintenance");
        await Eventually.UntilAsync(
            async () => (await scheduler.GetTrigger(trigger))?.PreviousFireTimeUtc is not null && await scheduler.GetTriggerState(trigger) == TriggerState.Normal,
            done => done,
            "the start-up audit clean-up run to finish");
    }

    private async Task<Guid> CreateSilenceAsync()
    {
        using var response = await _ops.PostAsJsonAsync("/api/v1/silences", new JsonObject
        {
            ["carrier"] = TestSetup.Carrier,
            ["from"] = Now.ToString(),
            ["until"] = (Now + Duration.FromHours(1)).ToString(),
            ["reason"] = "carrier outage",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task PutAsync(string path, JsonObject body)
    {
        using var response = await _admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static List<JsonNode> Items(JsonNode? page) => page!["items"]!.AsArray().Select(e => e!).ToList();

    private static string? Text(JsonNode node, string property) => node[property]?.GetValue<string>();
}
