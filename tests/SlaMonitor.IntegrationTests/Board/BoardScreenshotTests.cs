using SlaMonitor.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>
/// Screenshots of the board, a promise page and the reports page from the running app with demo data, at 1920×1080. They are written to
/// docs/screenshots (for the README) when UPDATE_SCREENSHOTS=1, otherwise to a temporary folder.
/// </summary>
public sealed class BoardScreenshotTests(DemoBoard app) : IClassFixture<DemoBoard>
{
    [Fact]
    public async Task Board_promise_and_reports_pages_render_demo_traffic()
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Directory.CreateTempSubdirectory("slamonitor-screens-").FullName;
        Directory.CreateDirectory(folder);
        var page = await app.NewPageAsync(1920, 1080);
        await page.GotoAsync("/");
        await BoardPage.WaitLiveAsync(page);
        await Eventually.UntilAsync(async () => (await BoardPage.TicketsAsync(page)).Count, n => n >= 25, "25 demo promises on the board", TimeSpan.FromSeconds(90));
        await Expect(page.Locator("#h-today")).Not.ToHaveTextAsync("—", new() { Timeout = 60_000 });
        // The demo's delays put promises at risk: their escalations fill the queue.
        await Expect(page.Locator("#queue .esc").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.Mouse.MoveAsync(1, 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "board.png") });

        // The laptop size is looked at, not published.
        var laptop = await app.NewPageAsync(1366, 768);
        await laptop.GotoAsync("/");
        await BoardPage.WaitLiveAsync(laptop);
        await laptop.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "slamonitor-board-1366x768.png") });

        // A promise with an escalation, so its page shows one.
        var ticket = await page.Locator("#queue .esc").First.GetAttributeAsync("data-ticket") ?? (await BoardPage.TicketsAsync(page))[0];
        await page.GotoAsync($"/promise/{Uri.EscapeDataString(ticket)}");
        await Expect(page.Locator("#timeline tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#escalations tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "promise.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(folder, "promise.png")).Length > 10_000);

        // The reports page over the last 28 days, once the demo has closed promises.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Eventually.UntilAsync(
            async () =>
            {
                await page.ReloadAsync();
                await Expect(page.Locator("#report")).ToHaveAttributeAsync("aria-busy", "false");
                return await page.Locator("#attainment tbody tr").CountAsync();
            },
            n => n >= 2, "demo promises closed for two customers", TimeSpan.FromSeconds(120));
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "reports.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SlaMonitor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SlaMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
