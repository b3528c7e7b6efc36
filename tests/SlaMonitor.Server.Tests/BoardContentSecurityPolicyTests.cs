using System.Net;
using System.Net.Http.Json;
using SlaMonitor.Server.Board;
using SlaMonitor.Server.Hosting;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// The board passes its own Content-Security-Policy: no inline script or style, every file from this site. (The browser
/// tests in SlaMonitor.IntegrationTests/Board run the pages in Chromium under the same header.)
/// </summary>
public sealed class BoardContentSecurityPolicyTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/promise/T-1")]
    [InlineData("/signin")]
    public async Task A_board_page_loads_under_the_content_security_policy_with_only_its_own_files(string path)
    {
        await using var app = SlaApp.Production();
        using var client = app.CreateClient();
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/board/session") { Content = JsonContent.Create(new { key = SlaApp.ProductionAdminKey }) };
        signIn.Headers.Add(BoardAuth.CsrfHeader, "1");
        (await client.SendAsync(signIn)).EnsureSuccessStatusCode();

        using var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Empty(BoardPageFiles.InlineCode(html));
        Assert.Empty(BoardPageFiles.ExternalReferences(html));
        var files = new Queue<string>(BoardPageFiles.References(html));
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        while (files.TryDequeue(out var file))
        {
            if (!loaded.Add(file))
            {
                continue;
            }

            using var response = await client.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            if (file.StartsWith("/js/", StringComparison.Ordinal))
            {
                var script = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
                Assert.DoesNotContain("style=", script, StringComparison.Ordinal);
                foreach (var imported in BoardPageFiles.Imports(script, file))
                {
                    files.Enqueue(imported);
                }
            }
        }

        Assert.Contains(loaded, f => f.StartsWith("/js/", StringComparison.Ordinal));
    }
}
