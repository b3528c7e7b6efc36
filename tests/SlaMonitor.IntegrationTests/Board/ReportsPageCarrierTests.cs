using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// The Reports page's carrier scorecards in Chromium over <see cref="ReportsData"/>: FASTLANE carried ACME's three closed
/// promises (2 met, 1 missed), NORDFREIGHT GLOBEX's three (1 met, 1 missed, 1 cancelled); nothing closed in the week before.
/// </summary>
public sealed class ReportsPageCarrierTests(ReportsBoard app) : IClassFixture<ReportsBoard>
{
    [Fact]
    public async Task Carriers_section_shows_hand_counted_scorecards_sorts_and_its_csv_link_downloads_the_apis_rows()
    {
        var page = await app.SignedInPageAsync(ReportsBoard.OpsKey);
        await page.GotoAsync(app.ReportUrl("groupBy=customer"));
        await Expect(CarrierRows(page)).ToHaveCountAsync(2);

        // carrier, promises, Δ promises, on time, Δ on time
        Assert.Equal(
            [["FASTLANE", "3", "+3", "66.7\u00a0%", "—"], ["NORDFREIGHT", "3", "+3", "50\u00a0%", "—"]],
            (await CellsAsync(page)).Select(r => r.Take(5).ToArray()));
        await page.Locator("#carriers th[data-column=onTime] button").ClickAsync();
        await Expect(CarrierRows(page).First.Locator("td").First).ToHaveTextAsync("NORDFREIGHT");
        Assert.Contains("carriersSort=onTime", page.Url, StringComparison.Ordinal);

        var href = await page.Locator("#carriers-csv").GetAttributeAsync("href");
        Assert.NotNull(href);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#carriers-csv").ClickAsync());
        var downloaded = await File.ReadAllTextAsync((await download.PathAsync())!);
        using var ops = app.Http(ReportsBoard.OpsKey);
        var fromApi = await ops.GetStringAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(fromApi, downloaded);
        Assert.Equal(
            ["FASTLANE,3,2,1,0,0.6667", "NORDFREIGHT,3,1,1,1,0.5"],
            downloaded.Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => string.Join(',', l.Split(',').Take(6))));
    }

    private static ILocator CarrierRows(IPage page) => page.Locator("#carriers tbody tr");

    private static async Task<string[][]> CellsAsync(IPage page) =>
        await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('#carriers tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent))");
}
