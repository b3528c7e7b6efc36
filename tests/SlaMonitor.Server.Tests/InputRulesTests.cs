using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// Issue 16, "every input": one text rule (no control characters; line breaks only in notes), instants with an offset
/// in a plausible year, unreadable bodies and parameters answered 400 naming the field. The hostile property test on
/// PostgreSQL is <c>HostileInputTests</c> in the integration suite.
/// </summary>
public sealed class InputRulesTests : IAsyncLifetime
{
    private readonly SlaApp _app = new();
    private HttpClient _admin = null!;
    private HttpClient _carrier = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        _carrier = _app.CreateClient();
        await TestSetup.ConfigureAsync(_admin);
    }

    [Fact]
    public async Task An_event_id_with_a_line_break_is_refused_naming_the_field_while_a_note_may_span_lines()
    {
        var now = _app.Clock.GetCurrentInstant();
        var badId = SignedEvents.Opened("T-RULES-1", now, eventId: "id\nwith-break");
        var problem = await RefusedAsync(await SignedEvents.PostAsync(_carrier, badId, now), HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("eventId", out _), problem.ToString());

        var note = SignedEvents.Opened("T-RULES-2", now);
        note["note"] = "first line\nsecond line\tindented";
        using var accepted = await SignedEvents.PostAsync(_carrier, note, now);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task NUL_in_any_json_text_is_refused_with_400_naming_its_path()
    {
        var site = TestSetup.SiteBody();
        site["name"] = "Frankfurt\0";
        using var response = await _admin.PutAsync($"/api/v1/sites/{TestSetup.Site}", Json(site));
        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("control characters", problem.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-22T10:00:00", "offset")]
    [InlineData("1900-01-01T00:00:00Z", "between the years")]
    [InlineData("9999-12-31T23:59:59-14:00", "between the years")]
    public async Task An_event_time_without_an_offset_or_outside_plausible_years_is_refused_naming_the_field(string occurredAt, string says)
    {
        var now = _app.Clock.GetCurrentInstant();
        var body = SignedEvents.Opened("T-RULES-3", now);
        body["occurredAt"] = occurredAt;
        var problem = await RefusedAsync(await SignedEvents.PostAsync(_carrier, body, now), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(says, problem.GetProperty("errors").GetProperty("occurredAt")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-22T10:00:00", "offset")]
    [InlineData("1989-12-31T23:59:59Z", "between the years")]
    [InlineData("2200-01-01T00:00:00Z", "between the years")]
    [InlineData("before-opening", "after occurredAt")]
    public async Task A_promised_deadline_without_an_offset_outside_plausible_years_or_before_the_opening_is_refused_naming_the_field_and_opens_nothing(
        string promisedBy, string says)
    {
        var now = _app.Clock.GetCurrentInstant();
        var ticket = $"T-PROMISED-{says.Length}";
        var body = SignedEvents.Opened(ticket, now);
        body["opened"]!["promisedBy"] = promisedBy == "before-opening"
            ? NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format((now - Duration.FromMinutes(1)).WithOffset(Offset.Zero))
            : promisedBy;
        var problem = await RefusedAsync(await SignedEvents.PostAsync(_carrier, body, now), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(says, problem.GetProperty("errors").GetProperty("opened.promisedBy")[0].GetString(), StringComparison.Ordinal);
        using var read = await _admin.GetAsync($"/api/v1/promises/{ticket}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("\"2026-11-22T10:00:00\"", "offset")]
    [InlineData("true", "offset")]
    [InlineData("\"0001-01-01T00:00:00+14:00\"", "between the years")]
    public async Task A_silence_time_without_an_offset_of_the_wrong_type_or_out_of_range_gets_400_naming_the_field(string from, string says)
    {
        var body = $$"""{"carrier":"{{TestSetup.Carrier}}","from":{{from}},"until":"2199-01-01T00:00:00Z","reason":"outage"}""";
        using var response = await _admin.PostAsync("/api/v1/silences", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(says, problem.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/promises?customer=ACME%00", "customer")]
    [InlineData("/api/v1/escalations?ticketRef=%1B", "ticketRef")]
    [InlineData("/api/v1/promises/T%01X", "ticketRef")]
    public async Task A_control_character_in_a_query_or_path_value_gets_400_naming_the_parameter(string path, string parameter)
    {
        using var response = await _admin.GetAsync(path);
        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/promises?limit=99999999999", "limit")]
    [InlineData("/api/v1/promises?offset=abc", "offset")]
    public async Task A_number_parameter_out_of_range_or_not_a_number_gets_400_naming_it(string path, string parameter)
    {
        using var response = await _admin.GetAsync(path);
        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_gets_400_naming_the_field()
    {
        using var response = await _admin.PutAsync($"/api/v1/customers/{TestSetup.Customer}",
            new StringContent("""{"name":"ACME","accountManagers":[{"name":[],"email":"dana@example.com"}]}""", Encoding.UTF8, "application/json"));
        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("accountManagers[0].name", out _), problem.ToString());
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _carrier.Dispose();
        await _app.DisposeAsync();
    }
}
