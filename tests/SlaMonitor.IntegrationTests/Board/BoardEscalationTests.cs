using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>The escalation queue on the board: live, acknowledged and assigned from the board, reflected in the API.</summary>
public sealed class BoardEscalationTests(DevelopmentBoard app) : IClassFixture<DevelopmentBoard>
{
    private static ILocator Queued(IPage page, string ticketRef) => page.Locator($"#queue .esc[data-ticket='{ticketRef}']");

    [Fact]
    public async Task An_escalation_appears_live_and_is_acknowledged_from_the_board()
    {
        var page = await app.NewPageAsync(1920, 1080);
        await page.GotoAsync("/");
        await BoardPage.WaitLiveAsync(page);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        using var http = app.Http(DevelopmentBoard.AdminKey);
        var now = app.Clock.GetCurrentInstant();

        await BoardData.OpenAsync(http, now, "B-ESC-1", "ACME", BoardData.Berlin, now - Duration.FromMinutes(180));
        await Expect(BoardPage.Row(page, "B-ESC-1").Locator(".c-status")).ToHaveTextAsync("✓ On track");
        var item = Queued(page, "B-ESC-1");
        await Expect(item).ToHaveCountAsync(0);

        // 40 minutes on, the carrier reports a delay: the promise turns at risk and its escalation joins the queue, live.
        app.Clock.Advance(Duration.FromMinutes(40));
        now = app.Clock.GetCurrentInstant();
        await BoardData.PostAsync(http, "FASTLANE", now, BoardData.Event("B-ESC-1", "shipment", "DELAYED", now - Duration.FromMinutes(1)));
        await Expect(item).ToBeVisibleAsync();
        await Expect(item.Locator(".esc-level")).ToHaveTextAsync("L1");
        await Expect(item.Locator(".esc-state")).ToHaveTextAsync("● Open, not acknowledged");
        await Expect(item.Locator(".esc-status")).ToHaveTextAsync("▲ At risk");
        await Expect(item.Locator(".esc-where")).ToHaveTextAsync($"ACME · {BoardData.Berlin} · FASTLANE · EU");
        await Expect(item.Locator(".esc-assigned")).ToHaveTextAsync("Unassigned");

        // Acknowledged from the board with the keyboard: only a note is asked for, who is the signed-in key's name.
        await item.Locator(".do-ack").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var note = item.Locator("input[name=note]");
        await Expect(note).ToBeFocusedAsync();
        await Expect(item.Locator("input[name=by]")).ToHaveCountAsync(0);
        await note.FillAsync("calling the carrier");
        await page.Keyboard.PressAsync("Enter");
        await Expect(item.Locator(".esc-state")).ToHaveTextAsync("✓ Acknowledged");
        await Expect(item.Locator(".esc-who")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^ by developer at .+: “calling the carrier”$"));
        await Expect(item.Locator(".do-ack")).ToBeHiddenAsync();

        // The API has it, with who and when.
        var escalation = await SingleAsync(http, "B-ESC-1");
        Assert.Equal("acknowledged", (string?)escalation["state"]);
        Assert.Equal("developer", (string?)escalation["acknowledgedBy"]);
        Assert.Equal("calling the carrier", (string?)escalation["acknowledgeNote"]);
        Assert.NotNull(escalation["acknowledgedAt"]);

        // Someone else assigns it through the API: the row changes live.
        using (var assigned = await http.PostAsJsonAsync($"/api/v1/escalations/{escalation["id"]}/assign", new { to = "Sam Field" }))
        {
            assigned.EnsureSuccessStatusCode();
        }

        await Expect(item.Locator(".esc-assigned")).ToHaveTextAsync("Assigned to Sam Field");

        // Assigned from the board, too.
        await item.Locator(".do-assign").ClickAsync();
        await item.Locator("input[name=to]").FillAsync("Lee Desk");
        await item.Locator("form button:not(.cancel)").ClickAsync();
        await Expect(item.Locator(".esc-assigned")).ToHaveTextAsync("Assigned to Lee Desk");
        Assert.Equal("Lee Desk", (string?)(await SingleAsync(http, "B-ESC-1"))["assignedTo"]);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

        // The headline numbers come from the escalations.
        var stats = JsonNode.Parse(await http.GetStringAsync("/board/api/stats?tz=UTC"))!;
        Assert.NotNull(stats["medianAlertLead"]);

        // The promise page lists its escalation.
        await page.GotoAsync("/promise/B-ESC-1");
        var row = page.Locator("#escalations tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("L1");
        await Expect(row).ToContainTextAsync("✓ Acknowledged");
        await Expect(row).ToContainTextAsync("developer");
        await Expect(row).ToContainTextAsync("Lee Desk");
    }

    private static async Task<JsonNode> SingleAsync(HttpClient http, string ticketRef)
    {
        var page = JsonNode.Parse(await http.GetStringAsync($"/api/v1/escalations?ticketRef={ticketRef}"))!;
        return Assert.Single(page["items"]!.AsArray())!;
    }
}
