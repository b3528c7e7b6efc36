using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>Every page of the board holds its shape at the two widths it is used at: no text spills out of its box.</summary>
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
        spills.AddRange((await TextSpill.FindAsync(page)).Select(s => "sign-in: " + s));

        page = await app.SignedInPageAsync(ReportsBoard.OpsKey, width, height);
        await Expect(BoardPage.Row(page, ReportsBoard.EscalatedTicketRef)).ToBeVisibleAsync();
        await Expect(page.Locator("#queue .esc").First).ToBeVisibleAsync();
        await Expect(page.Locator("#attainment-text")).ToContainTextAsync("met");
        spills.AddRange((await TextSpill.FindAsync(page)).Select(s => "board: " + s));

        foreach (var ticket in new[] { ReportsBoard.EscalatedTicketRef, "R-ACME-2" })
        {
            await page.GotoAsync($"/promise/{ticket}");
            await Expect(page.Locator("#promise")).ToHaveAttributeAsync("aria-busy", "false");
            spills.AddRange((await TextSpill.FindAsync(page)).Select(s => $"promise {ticket}: " + s));
        }

        Assert.True(spills.Count == 0, $"At {width}×{height} px text spills out of its box:\n" + string.Join("\n", spills));
    }
}
