using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace SlaMonitor.IntegrationTests.Board;

/// <summary>Outside Development the board asks for an API key and keeps account managers to their customers.</summary>
public sealed class BoardSignInTests(ProductionBoard app) : IClassFixture<ProductionBoard>
{
    [Fact]
    public async Task Board_requires_sign_in_outside_development_and_returns_to_the_page_asked_for()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/promise/S-GLOBEX-1");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fpromise%2FS-GLOBEX-1$"));
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/v1/promises")).Status);
        var board = new Dictionary<string, string> { ["X-SlaMonitor-Board"] = "1" };
        Assert.Equal(401, (await page.APIRequest.PostAsync("/board/hub/negotiate?negotiateVersion=1", new() { Headers = board })).Status);

        await page.FillAsync("input[name=key]", "not-a-key-at-all");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("#error")).ToHaveTextAsync("That API key is not known.");

        await page.FillAsync("input[name=key]", ProductionBoard.OpsKey);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/promise/S-GLOBEX-1$"));
        await Expect(page.Locator("#ticket")).ToHaveTextAsync("S-GLOBEX-1");
        await Expect(page.Locator("#session")).ToContainTextAsync("Olga Ops (ops)");

        await page.GotoAsync("/");
        await BoardPage.WaitLiveAsync(page);
        await Expect(BoardPage.Row(page, "S-GLOBEX-1")).ToBeVisibleAsync();
        var tickets = await BoardPage.TicketsAsync(page, "S-");
        Assert.Equal(["S-GLOBEX-1", "S-ACME-1"], tickets.Where(t => t.EndsWith("-1", StringComparison.Ordinal)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl="));
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/v1/promises")).Status);
    }

    [Fact]
    public async Task Account_manager_sees_only_their_customers_in_the_board_the_feed_and_the_api()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("input[name=key]", ProductionBoard.AcmeManagerKey);
        await page.ClickAsync("button[type=submit]");
        await BoardPage.WaitLiveAsync(page);
        await Expect(BoardPage.Row(page, "S-ACME-1")).ToBeVisibleAsync();
        await Expect(page.Locator("#session")).ToContainTextAsync("Anna AM (accountManager · ACME)");
        await Expect(BoardPage.Row(page, "S-GLOBEX-1")).ToHaveCountAsync(0);

        using var http = app.Http();
        var now = app.Clock.GetCurrentInstant();
        await BoardData.OpenAsync(http, now, "S-GLOBEX-2", "GLOBEX", BoardData.NewYork, now - Duration.FromMinutes(5));
        await BoardData.OpenAsync(http, now, "S-ACME-2", "ACME", BoardData.Berlin, now - Duration.FromMinutes(5));
        await Expect(BoardPage.Row(page, "S-ACME-2")).ToBeVisibleAsync();
        Assert.DoesNotContain("S-GLOBEX-2", await BoardPage.TicketsAsync(page, "S-"));
        Assert.DoesNotContain("S-GLOBEX-1", await BoardPage.TicketsAsync(page, "S-"));

        var list = await page.APIRequest.GetAsync("/api/v1/promises?q=S-");
        Assert.Equal(200, list.Status);
        var body = await list.TextAsync();
        Assert.Contains("S-ACME-1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("GLOBEX", body, StringComparison.Ordinal);
        Assert.Equal(404, (await page.APIRequest.GetAsync("/api/v1/promises/S-GLOBEX-1")).Status);

        // Promises that open with 20 minutes left are at risk at once: only ACME's escalation reaches this queue.
        await BoardData.OpenAsync(http, now, "S-GLOBEX-3", "GLOBEX", BoardData.NewYork, now - Duration.FromMinutes(220));
        await BoardData.OpenAsync(http, now, "S-ACME-3", "ACME", BoardData.Berlin, now - Duration.FromMinutes(220));
        await Expect(page.Locator("#queue .esc[data-ticket='S-ACME-3']")).ToBeVisibleAsync();
        await Expect(page.Locator("#queue .esc[data-ticket='S-GLOBEX-3']")).ToHaveCountAsync(0);
        var escalations = await (await page.APIRequest.GetAsync("/api/v1/escalations")).TextAsync();
        Assert.Contains("S-ACME-3", escalations, StringComparison.Ordinal);
        Assert.DoesNotContain("GLOBEX", escalations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_board_pages_run_under_the_content_security_policy_without_a_violation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))");

        var signin = await page.GotoAsync("/signin?returnUrl=%2Fpromise%2FS-ACME-1");
        Assert.Contains("frame-ancestors 'none'", await signin!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await page.FillAsync("input[name=key]", ProductionBoard.OpsKey);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("#ticket")).ToHaveTextAsync("S-ACME-1");
        await page.GotoAsync("/");
        await BoardPage.WaitLiveAsync(page);
        await Expect(BoardPage.Row(page, "S-ACME-1")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2F%0A%2Fevil.example")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    public async Task Sign_in_never_returns_to_another_site(string returnUrl)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/signin?returnUrl={returnUrl}");

        await page.FillAsync("input[name=key]", ProductionBoard.OpsKey);
        await page.ClickAsync("button[type=submit]");
        await BoardPage.WaitLiveAsync(page);

        Assert.Equal(app.BaseAddress.Authority, new Uri(page.Url).Authority);
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }
}
