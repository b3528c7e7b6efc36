using System.Globalization;
using Microsoft.Playwright;
using NodaTime.Text;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>The watch board in Chromium against the app on a real port (Development: no sign-in).</summary>
public sealed class BoardTests(DevelopmentBoard app) : IClassFixture<DevelopmentBoard>
{
    [Fact]
    public async Task Board_lists_open_promises_soonest_breach_first()
    {
        var page = await app.NewPageAsync(1920, 1080);
        await page.GotoAsync("/");
        await BoardPage.WaitLiveAsync(page);
        await Expect(BoardPage.Row(page, "B-ORDER-4")).ToBeVisibleAsync();

        Assert.Equal(["B-ORDER-1", "B-ORDER-2", "B-ORDER-3", "B-ORDER-4"], await BoardPage.TicketsAsync(page, "B-ORDER-"));
        var first = BoardPage.Row(page, "B-ORDER-1");
        // Other tests move the clock on, so the status may have changed: it is always an icon and a word.
        await Expect(first.Locator(".c-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(✓ On track|▲ At risk|✕ Breached)$"));
        await Expect(first.Locator(".c-site")).ToContainTextAsync(BoardData.Berlin + " · ");
        await Expect(first.Locator(".c-ttb")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^−?(\d+h \d\dm \d\ds|\d+m \d\ds)$"));
        await Expect(page.Locator("#queue-summary")).Not.ToHaveTextAsync("Waiting for the feed…");
    }

    [Fact]
    public async Task A_signed_webhook_changes_the_row_live_without_reload()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await BoardPage.WaitLiveAsync(page);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        using var http = app.Http();
        var now = app.Clock.GetCurrentInstant();

        // Promises open: their rows appear, in deadline order.
        await BoardData.OpenAsync(http, now, "B-LIVE-1", "ACME", BoardData.Berlin, now - Duration.FromMinutes(180));
        await BoardData.OpenAsync(http, now, "B-LIVE-2", "ACME", BoardData.Berlin, now - Duration.FromMinutes(170));
        await Expect(BoardPage.Row(page, "B-LIVE-1").Locator(".c-status")).ToHaveTextAsync("✓ On track");
        await Expect(BoardPage.Row(page, "B-LIVE-2")).ToBeVisibleAsync();
        Assert.Equal(["B-LIVE-1", "B-LIVE-2"], await BoardPage.TicketsAsync(page, "B-LIVE-"));

        // 40 minutes on, the carrier reports a delay: 20 minutes left is inside the 30-minute margin, the row turns at risk.
        app.Clock.Advance(Duration.FromMinutes(40));
        now = app.Clock.GetCurrentInstant();
        await BoardData.PostAsync(http, "FASTLANE", now, BoardData.Event("B-LIVE-1", "shipment", "DELAYED", now - Duration.FromMinutes(1)));
        await Expect(BoardPage.Row(page, "B-LIVE-1").Locator(".c-status")).ToHaveTextAsync("▲ At risk");
        await Expect(BoardPage.Row(page, "B-LIVE-1")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("s-AT_RISK"));

        // Past the deadline, another scan: breached.
        app.Clock.Advance(Duration.FromMinutes(25));
        now = app.Clock.GetCurrentInstant();
        await BoardData.PostAsync(http, "FASTLANE", now, BoardData.Event("B-LIVE-1", "shipment", "IN_TRANSIT", now - Duration.FromMinutes(1)));
        await Expect(BoardPage.Row(page, "B-LIVE-1").Locator(".c-status")).ToHaveTextAsync("✕ Breached");

        // The technician arrives: the promise is met and leaves the board of open promises.
        await BoardData.PostAsync(http, "FASTLANE", now, BoardData.Event("B-LIVE-2", "repair", "TECHNICIAN_ONSITE", now - Duration.FromMinutes(1)));
        await Expect(BoardPage.Row(page, "B-LIVE-2")).ToHaveCountAsync(0);

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
    }

    [Fact]
    public async Task Filters_and_search_narrow_the_list_and_survive_a_reload()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await BoardPage.WaitLiveAsync(page);
        await page.Locator("select[name=region] option[value=NA]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.SelectOptionAsync("select[name=region]", "NA");
        await Expect(BoardPage.Row(page, "B-ORDER-1")).ToHaveCountAsync(0);
        Assert.Equal(["B-ORDER-2", "B-ORDER-4"], await BoardPage.TicketsAsync(page, "B-ORDER-"));
        Assert.Contains("region=NA", page.Url, StringComparison.Ordinal);

        await page.FillAsync("input[name=q]", "1ZSHIP0042");
        await Expect(BoardPage.Row(page, "B-ORDER-2")).ToHaveCountAsync(0);
        Assert.Contains("q=1ZSHIP0042", page.Url, StringComparison.Ordinal);

        await page.ReloadAsync();
        await BoardPage.WaitLiveAsync(page);
        await Expect(BoardPage.Row(page, "B-ORDER-4")).ToBeVisibleAsync();
        Assert.Equal(["B-ORDER-4"], await BoardPage.TicketsAsync(page, "B-"));
        await Expect(page.Locator("select[name=region]")).ToHaveValueAsync("NA");
        await Expect(page.Locator("input[name=q]")).ToHaveValueAsync("1ZSHIP0042");

        // A shared link with other filters gives the same view.
        await page.GotoAsync("/?customer=ACME&carrier=FASTLANE&q=B-ORDER");
        await BoardPage.WaitLiveAsync(page);
        await Expect(BoardPage.Row(page, "B-ORDER-1")).ToBeVisibleAsync();
        Assert.Equal(["B-ORDER-1", "B-ORDER-3"], await BoardPage.TicketsAsync(page, "B-"));
    }

    [Fact]
    public async Task Promise_page_shows_the_timeline_in_site_time_and_the_viewers_time_on_hover()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?q=B-ORDER-4");
        await BoardPage.WaitLiveAsync(page);
        await BoardPage.Row(page, "B-ORDER-4").Locator(".c-ticket").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/promise/B-ORDER-4$"));

        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var opened = app.SeededAt - Duration.FromMinutes(30);
        var rows = page.Locator("#timeline tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var openedCell = rows.Nth(0).Locator("td").Nth(0).Locator("time");
        await Expect(openedCell).ToHaveTextAsync(SiteTime(opened.InZone(newYork)));
        await Expect(rows.Nth(0)).ToContainTextAsync("repair · OPENED");
        await Expect(rows.Nth(1)).ToContainTextAsync("shipment · PICKED_UP");
        await Expect(rows.Nth(1)).ToContainTextAsync("1ZSHIP0042");
        await Expect(page.Locator("#summary")).ToContainTextAsync("judged by policy 4H-ONSITE version 1");

        // A Berlin promise seen from New York: site time in the table, the viewer's time on hover.
        await page.GotoAsync("/promise/B-ORDER-1");
        var berlinOpened = (app.SeededAt - Duration.FromHours(3)).InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        var cell = page.Locator("#timeline tbody tr").Nth(0).Locator("time").First;
        await Expect(cell).ToHaveTextAsync(SiteTime(berlinOpened));
        await cell.HoverAsync();
        var viewer = await cell.GetAttributeAsync("data-viewer");
        Assert.StartsWith("Your time:", viewer, StringComparison.Ordinal);
        Assert.Contains("EST", viewer, StringComparison.Ordinal);
        Assert.Contains(berlinOpened.ToInstant().InZone(newYork).ToString("h:mm", CultureInfo.InvariantCulture), viewer, StringComparison.Ordinal);
    }

    /// <summary>How the page writes a site time: "Mon 23 Nov 10:00:00 UTC+01:00".</summary>
    private static string SiteTime(ZonedDateTime at) =>
        at.ToString("ddd d MMM HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" + OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(at.Offset);
}
