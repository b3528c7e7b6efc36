using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>10,000 open promises: the list is virtualised, so the page holds a few dozen rows whatever the count.</summary>
public sealed class LargeBoardTests(LargeBoardTests.Host app) : IClassFixture<LargeBoardTests.Host>
{
    public const int Count = 10_000;

    public sealed class Host() : BoardHost("Development")
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            using (var admin = Http(DevelopmentBoard.AdminKey))
            {
                await BoardData.ConfigureAsync(admin);
            }

            // Written straight to the table: this is about the board, not about ingest throughput.
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
            var now = Clock.GetCurrentInstant();
            for (var i = 0; i < Count; i++)
            {
                var opened = now - Duration.FromSeconds(i % 14_000);
                db.Promises.Add(new Promise
                {
                    TicketRef = $"L-{i:D5}", CustomerCode = i % 2 == 0 ? "ACME" : "GLOBEX", SiteCode = i % 2 == 0 ? BoardData.Berlin : BoardData.NewYork,
                    ServiceLevel = BoardData.FourHours, PolicyVersion = 1, Status = "ON_TRACK", ReasonsJson = "[]", CarrierCode = i % 3 == 0 ? "NORDFREIGHT" : "FASTLANE",
                    OpenedAt = opened.ToDateTimeUtc(), Deadline = (opened + Duration.FromHours(4)).ToDateTimeUtc(), UpdatedAt = now.ToDateTimeUtc(),
                });
            }

            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Ten_thousand_promises_load_and_scroll_with_a_bounded_number_of_rows_in_the_page()
    {
        var page = await app.NewPageAsync(1920, 1080);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("/");
        await Expect(page.Locator("#count")).ToHaveTextAsync($"{Count} of {Count} open promises", new() { Timeout = 60_000 });
        TestContext.Current.SendDiagnosticMessage($"10,000 rows live after {clock.ElapsedMilliseconds} ms");

        var rendered = await page.Locator("#list .row[data-ticket]").CountAsync();
        Assert.InRange(rendered, 10, 100);
        await page.Locator("#list").FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(page.Locator("#list .row.active")).ToBeVisibleAsync();
        var last = await page.Locator("#list .row.active").GetAttributeAsync("data-ticket");
        Assert.Equal("L-00000", last); // opened last, so due last
        Assert.InRange(await page.Locator("#list .row[data-ticket]").CountAsync(), 10, 100);
    }
}
