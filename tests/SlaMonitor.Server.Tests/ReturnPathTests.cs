using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SlaMonitor.Server.Board;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>Sign-in returns only to a path on this site, whatever characters a browser would strip or reinterpret.</summary>
public sealed class ReturnPathTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/promise/T-1", "/promise/T-1")]
    [InlineData("/?status=AT_RISK&q=T-", "/?status=AT_RISK&q=T-")]
    [InlineData("/promise/T-1#timeline", "/promise/T-1#timeline")]
    public void A_path_on_this_site_is_kept(string returnUrl, string expected) => Assert.Equal(expected, ReturnPaths.Local(returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("\t//evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/\0/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/\u00a0/evil.example")]
    public void A_url_that_could_leave_the_site_becomes_the_board(string? returnUrl) => Assert.Equal("/", ReturnPaths.Local(returnUrl));

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5Cevil.example")]
    public void A_percent_encoded_path_stays_a_path_on_this_site(string returnUrl)
    {
        var local = ReturnPaths.Local(returnUrl);

        Assert.StartsWith("/", local, StringComparison.Ordinal);
        Assert.False(local.StartsWith("//", StringComparison.Ordinal) || local.StartsWith("/\\", StringComparison.Ordinal), local);
        Assert.Equal("board.invalid", new Uri(new Uri("https://board.invalid/"), local).Host);
    }

    [Theory]
    [InlineData("/%09/evil.example", "/")] // the query string decodes %09 to a tab, which a browser would strip to "//evil.example"
    [InlineData("/\\evil.example", "/")]
    [InlineData("/promise/T-1", "/promise/T-1")]
    public async Task Sign_in_answers_where_to_return_to_decoded_as_the_sign_in_page_reads_it(string returnUrlInQuery, string expected)
    {
        await using var app = SlaApp.Production();
        using var client = app.CreateClient();
        var decoded = Uri.UnescapeDataString(returnUrlInQuery);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/board/session")
        {
            Content = JsonContent.Create(new { key = SlaApp.ProductionAdminKey, returnUrl = decoded }),
        };
        request.Headers.Add(BoardAuth.CsrfHeader, "1");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("returnTo").GetString());
    }
}
