using Microsoft.Playwright;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>What the tests read from the board page.</summary>
public static class BoardPage
{
    public static ILocator Row(IPage page, string ticketRef) => page.Locator($"#list .row[data-ticket='{ticketRef}']:not([hidden])");

    /// <summary>Ticket references of the rendered rows in display order, optionally only those starting with a prefix.</summary>
    public static async Task<IReadOnlyList<string>> TicketsAsync(IPage page, string prefix = "") =>
        await page.EvaluateAsync<string[]>(
            @"prefix => [...document.querySelectorAll('#list .row[data-ticket]:not([hidden])')]
                .sort((a, b) => +a.getAttribute('aria-rowindex') - +b.getAttribute('aria-rowindex'))
                .map(r => r.dataset.ticket).filter(t => t.startsWith(prefix))",
            prefix);

    public static async Task WaitLiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("● Live");
}
