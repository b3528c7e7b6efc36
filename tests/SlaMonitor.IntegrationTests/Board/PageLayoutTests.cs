using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// Every page of the board holds its shape at the two widths it is used at: no text spills out of its box. Each page is
/// also saved as a picture in the temporary folder (slamonitor-layout-*.png), to look at when the check fails.
/// </summary>
public sealed class PageLayoutTests(ReportsBoard app) : IClassFixture<ReportsBoard>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1920, 1080)]
    public async Task No_text_spills_out_of_its_box_on_any_page(int width, int height)
    {
        var spills = new List<string>();
        var page = await app.NewPageAsync(width, height);
        await page.GotoAsync("/signin");
        await Expect(page.Locator("input[name=key]")).ToBeVisibleAsync();
        await CheckAsync(page, "sign-in", width, spills);

        page = await app.SignedInPageAsync(ReportsBoard.OpsKey, width, height);
        await Expect(BoardPage.Row(page, ReportsBoard.EscalatedTicketRef)).ToBeVisibleAsync();
        await Expect(page.Locator("#queue .esc").First).ToBeVisibleAsync();
        await Expect(page.Locator("#attainment-text")).ToContainTextAsync("met");
        await CheckAsync(page, "board", width, spills);

        foreach (var ticket in new[] { ReportsBoard.EscalatedTicketRef, "R-ACME-2" })
        {
            await page.GotoAsync($"/promise/{ticket}");
            await Expect(page.Locator("#promise")).ToHaveAttributeAsync("aria-busy", "false");
            await CheckAsync(page, $"promise-{ticket}", width, spills);
        }

        foreach (var query in new[] { "groupBy=customer", "groupBy=site,day" })
        {
            await page.GotoAsync(app.ReportUrl(query));
            await Expect(page.Locator("#report")).ToHaveAttributeAsync("aria-busy", "false");
            await Expect(page.Locator("#attainment tbody tr").First).ToBeVisibleAsync();
            await CheckAsync(page, $"reports-{query.Replace(',', '-').Replace('=', '-')}", width, spills);
        }

        Assert.True(spills.Count == 0, $"At {width}×{height} px text spills out of its box:\n" + string.Join("\n", spills));
    }

    private static async Task CheckAsync(IPage page, string name, int width, List<string> spills)
    {
        spills.AddRange((await TextSpill.FindAsync(page)).Select(s => $"{name}: {s}"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"slamonitor-layout-{width}-{name}.png"), FullPage = true });
    }
}
