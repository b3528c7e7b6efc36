using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly SlaApp _app = new();
    private HttpClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, string> BrokenBodies => new()
    {
        // resource path, JSON path to break (value replaced, or removed when "remove"), field named in the problem
        { "sites", "timeZone=Europe/Frankfurt", "timeZone" },
        { "sites", "calendar.workingDays=[\"Mon\",\"Funday\"]", "calendar.workingDays[1]" },
        { "sites", "calendar.opens=8 o'clock", "calendar.opens" },
        { "sites", "name=remove", "name" },
        { "sites", "calendar.opens=24:00", "calendar.opens" },
        { "sites", "calendar.closes=00:00", "calendar.closes" },
        { "policies", "target={\"nextBusinessDayBy\":\"24:00\",\"cutoff\":\"15:00\"}", "target.nextBusinessDayBy" },
        { "policies", "target=PT4X", "target" },
        { "policies", "atRiskMargin=30 minutes", "atRiskMargin" },
        { "policies", "fulfilledBy=remove", "fulfilledBy" },
        { "policies", "clock=lunar", "clock" },
        { "customers", "name=remove", "name" },
        { "carriers", "secret=remove", "secret" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task A_broken_body_gets_422_naming_the_field_and_nothing_is_stored(string resource, string change, string field)
    {
        var body = ValidBody(resource);
        Break(body, change);

        using var response = await _admin.PutAsJsonAsync($"/api/v1/{resource}/X1", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        using var get = await _admin.GetAsync($"/api/v1/{resource}/X1");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("sites")]
    [InlineData("policies")]
    [InlineData("customers")]
    [InlineData("carriers")]
    public async Task A_valid_body_is_stored_and_read_back_alone_and_in_the_list(string resource)
    {
        using var put = await _admin.PutAsJsonAsync($"/api/v1/{resource}/X1", ValidBody(resource));
        put.EnsureSuccessStatusCode();

        var one = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/{resource}/X1");
        var list = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/{resource}");

        var (read, field) = resource == "policies" ? (one.GetProperty("policy"), "clock") : (one, "name");
        Assert.Equal(ValidBody(resource)[field]!.GetValue<string>(), read.GetProperty(field).GetString());
        Assert.Equal(1, list.GetArrayLength());
    }

    [Fact]
    public async Task A_carrier_secret_is_write_only()
    {
        using var put = await _admin.PutAsJsonAsync("/api/v1/carriers/X1", ValidBody("carriers"));
        put.EnsureSuccessStatusCode();

        var text = await _admin.GetStringAsync("/api/v1/carriers/X1");

        Assert.DoesNotContain(TestSetup.CarrierSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_policy_gets_a_new_version_and_the_old_one_stays_readable()
    {
        (await _admin.PutAsJsonAsync("/api/v1/policies/X1", TestSetup.PolicyBody())).EnsureSuccessStatusCode();
        var changed = TestSetup.PolicyBody();
        changed["target"] = "PT6H";
        (await _admin.PutAsJsonAsync("/api/v1/policies/X1", changed)).EnsureSuccessStatusCode();

        var latest = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/policies/X1");
        var first = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/policies/X1/versions/1");

        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal("PT6H", latest.GetProperty("policy").GetProperty("target").GetString());
        Assert.Equal("PT4H", first.GetProperty("policy").GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_site_may_close_at_24_00_the_end_of_its_day()
    {
        var body = TestSetup.SiteBody();
        body["calendar"]!["closes"] = "24:00";

        using var put = await _admin.PutAsJsonAsync("/api/v1/sites/X1", body);

        put.EnsureSuccessStatusCode();
        var read = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/sites/X1");
        Assert.Equal("24:00", read.GetProperty("calendar").GetProperty("closes").GetString());
    }

    [Fact]
    public async Task Without_a_key_the_admin_api_answers_401()
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.PutAsJsonAsync("/api/v1/sites/X1", TestSetup.SiteBody());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonObject ValidBody(string resource) => resource switch
    {
        "sites" => TestSetup.SiteBody(),
        "policies" => TestSetup.PolicyBody(),
        "customers" => TestSetup.CustomerBody(),
        _ => TestSetup.CarrierBody(),
    };

    private static void Break(JsonObject body, string change)
    {
        var (path, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(body, (node, part) => node[part]!.AsObject());
        if (value == "remove")
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value.StartsWith('[') || value.StartsWith('{') ? JsonNode.Parse(value) : value;
        }
    }
}
