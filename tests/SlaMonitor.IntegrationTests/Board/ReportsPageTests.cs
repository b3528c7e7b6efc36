using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// The board's Reports page in Chromium on real PostgreSQL data (<see cref="ReportsData"/>): reached from the board,
/// filters kept in the URL, tables sorted by their headers, the CSV link giving the API's CSV, account managers kept to
/// their customers. Expected rows are counted by hand from the seeded promises.
/// </summary>
public sealed class ReportsPageTests(ReportsBoard app) : IClassFixture<ReportsBoard>
{
    [Fact]
    public async Task Reports_page_is_reached_from_the_board_and_shows_hand_counted_attainment_per_customer()
    {
        var page = await app.SignedInPageAsync(ReportsBoard.OpsKey);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/reports\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&groupBy=customer$"));

        await page.GotoAsync(ReportUrl("groupBy=customer&sort=customer"));
        await Expect(AttainmentRows(page)).ToHaveCountAsync(2);
        // customer, met, missed, cancelled, attainment, lost: customer / customs / carrier / weather / other, median margin
        Assert.Equal(
            [
                ["ACME", "2", "1", "0", "66.7 %", "1h 00m", "0m", "0m", "0m", "0m", "30m"],
                ["GLOBEX", "1", "1", "1", "50 %"],
            ],
            (await CellsAsync(page)).Select((r, i) => i == 0 ? r : r.Take(5).ToArray()));
        await Expect(page.Locator("#attainment-text")).ToContainTextAsync("ACME: 66.7 % (2 met, 1 missed)");
    }

    [Fact]
    public async Task Filters_and_sort_order_live_in_the_url_and_survive_a_reload()
    {
        var page = await app.SignedInPageAsync(ReportsBoard.OpsKey);
        await page.GotoAsync(ReportUrl("groupBy=customer"));
        await Expect(AttainmentRows(page)).ToHaveCountAsync(2);

        await page.Locator("#attainment th[data-column=attainment] button").ClickAsync();
        await Expect(AttainmentRows(page).First.Locator("td").First).ToHaveTextAsync("GLOBEX");
        Assert.Contains("sort=attainment", page.Url, StringComparison.Ordinal);
        await page.Locator("#attainment th[data-column=attainment] button").ClickAsync();
        await Expect(AttainmentRows(page).First.Locator("td").First).ToHaveTextAsync("ACME");
        await Expect(page.Locator("#attainment th[data-column=attainment]")).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Contains("sort=-attainment", page.Url, StringComparison.Ordinal);

        await page.SelectOptionAsync("select[name=by]", "carrier");
        await page.SelectOptionAsync("select[name=period]", "day");
        await page.SelectOptionAsync("select[name=region]", "NA");
        // GLOBEX's three promises closed on days 2 and 3 with NORDFREIGHT: one row per day.
        await Expect(AttainmentRows(page)).ToHaveCountAsync(2);
        Assert.Contains("groupBy=carrier%2Cday", page.Url, StringComparison.Ordinal);
        Assert.Contains("region=NA", page.Url, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(AttainmentRows(page)).ToHaveCountAsync(2);
        await Expect(page.Locator("select[name=region]")).ToHaveValueAsync("NA");
        await Expect(page.Locator("select[name=by]")).ToHaveValueAsync("carrier");
        await Expect(page.Locator("select[name=period]")).ToHaveValueAsync("day");
        await Expect(page.Locator("#attainment th[data-column=attainment]")).ToHaveAttributeAsync("aria-sort", "descending");
        var cells = await CellsAsync(page);
        Assert.All(cells, r => Assert.Equal("NORDFREIGHT", r[0]));
        // Sorted by attainment, highest first: day 2 (1 met) before day 3 (1 missed, 1 cancelled).
        Assert.Equal([Day(2), Day(3)], cells.Select(r => r[1]));
        Assert.Equal(["100 %", "0 %"], cells.Select(r => r[5]));
    }

    [Fact]
    public async Task Csv_link_downloads_the_apis_csv_for_the_filters_shown()
    {
        var page = await app.SignedInPageAsync(ReportsBoard.OpsKey);
        await page.GotoAsync(ReportUrl("groupBy=customer,week&customer=ACME"));
        await Expect(AttainmentRows(page)).Not.ToHaveCountAsync(0);
        var href = await page.Locator("#attainment-csv").GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.Contains("customer=ACME", href, StringComparison.Ordinal);
        Assert.Contains("groupBy=customer%2Cweek", href, StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#attainment-csv").ClickAsync());
        var downloaded = await File.ReadAllTextAsync((await download.PathAsync())!);

        using var ops = app.Http(ReportsBoard.OpsKey);
        var fromApi = await ops.GetStringAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(fromApi, downloaded);
        Assert.Contains("ACME", downloaded, StringComparison.Ordinal);
        Assert.DoesNotContain("GLOBEX", downloaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_manager_sees_only_their_customers_names_anywhere_on_the_page()
    {
        var page = await app.SignedInPageAsync(ReportsBoard.AcmeManagerKey);
        foreach (var groupBy in new[] { "customer", "site,week", "carrier" })
        {
            await page.GotoAsync(ReportUrl($"groupBy={groupBy}"));
            await Expect(page.Locator("#report")).ToHaveAttributeAsync("aria-busy", "false");
            await Expect(AttainmentRows(page)).Not.ToHaveCountAsync(0);
            var html = await page.ContentAsync();
            Assert.Contains("ACME", html, StringComparison.Ordinal);
            Assert.DoesNotContain("GLOBEX", html, StringComparison.Ordinal);
        }

        await Expect(page.Locator("select[name=customer] option")).ToHaveTextAsync(["All", "ACME"]);
    }

    [Fact]
    public async Task Summary_shows_a_score_card_per_customer_with_the_formula_worked_out_in_its_hover_title()
    {
        // In the 7 days no escalation opened (they open when the promises were posted, today) and nothing was open past
        // its deadline at the end: ACME scores (50 × 66.7 + 10 × 100) ÷ 60 = 72.25 → 72.3, GLOBEX (50 × 50 + 10 × 100) ÷ 60 = 58.3.
        var page = await app.SignedInPageAsync(ReportsBoard.OpsKey);
        await page.GotoAsync(ReportUrl("groupBy=customer"));
        var acme = page.Locator("#summary-cards li[data-customer=ACME]");
        await Expect(acme.Locator(".score")).ToHaveTextAsync("72.3");
        await Expect(page.Locator("#summary-cards li[data-customer=GLOBEX] .score")).ToHaveTextAsync("58.3");
        await Expect(acme.Locator(".score-trend")).ToHaveTextAsync("• no previous period");
        await Expect(acme.Locator("dt").First).ToHaveTextAsync("Attainment 66.7");

        var title = await acme.GetAttributeAsync("title");
        Assert.NotNull(title);
        Assert.StartsWith("ACME: (50 × 66.7 + 10 × 100) ÷ 60 = 72.3\nAttainment 66.7: 2 met, 1 missed (66.7 %)\n", title, StringComparison.Ordinal);
        Assert.Contains("Open breaches 100: 0 open past the deadline", title, StringComparison.Ordinal);
        Assert.Contains("score = (50 × attainment + 20 × breaches prevented + 20 × time to acknowledge + 10 × open breaches)", title, StringComparison.Ordinal);
        // Each lane closed fewer than 5 promises, and no escalation opened in the range.
        await Expect(page.Locator("#summary-lanes li")).ToHaveTextAsync(["None in this range."]);
        await Expect(page.Locator("#summary-reasons li")).ToHaveTextAsync(["None in this range."]);
    }

    private string ReportUrl(string query) => app.ReportUrl(query);

    private string Day(int n) => app.Day(n);

    private static ILocator AttainmentRows(IPage page) => page.Locator("#attainment tbody tr");

    private static async Task<string[][]> CellsAsync(IPage page) =>
        await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('#attainment tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent))");
}
