using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaMonitor.Server.Board;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Hosting;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>Outside Development: HTTPS, configured hosts and proxies, security headers, a Secure cookie, nothing phoning home.</summary>
public sealed class ProductionPostureTests
{
    [Theory]
    [InlineData("/api/v1/promises")]
    [InlineData("/signin")]
    [InlineData("/js/board.js")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var app = SlaApp.Production();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development_and_not_in_development()
    {
        var settings = new Dictionary<string, string?> { ["AllowedHosts"] = "sla.example.com" };
        await using var production = SlaApp.Production(settings);
        await using var development = new SlaApp(settings: settings);
        var https = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://sla.example.com") };

        using var fromProduction = await production.CreateClient(https).GetAsync("/health/live");
        using var fromDevelopment = await development.CreateClient(https).GetAsync("/health/live");

        Assert.Equal("max-age=31536000", Header(fromProduction, "Strict-Transport-Security"));
        Assert.False(fromDevelopment.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_outside_development_except_health_probes()
    {
        await using var app = SlaApp.Production(new Dictionary<string, string?> { ["https_port"] = "443" });
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var api = await client.GetAsync("/api/v1/promises?status=AT_RISK");
        using var health = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, api.StatusCode);
        Assert.Equal(new Uri("https://localhost/api/v1/promises?status=AT_RISK"), api.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Development_does_not_redirect_plain_http()
    {
        await using var app = new SlaApp(settings: new Dictionary<string, string?> { ["https_port"] = "443" });
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/api/v1/sites");

        Assert.NotEqual(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task A_request_for_a_host_not_in_AllowedHosts_gets_400()
    {
        await using var app = SlaApp.Production();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_board_cookie_is_secure_outside_development_even_when_the_proxy_speaks_plain_http()
    {
        await using var app = SlaApp.Production();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/board/session") { Content = JsonContent.Create(new { key = SlaApp.ProductionAdminKey }) };
        request.Headers.Add(BoardAuth.CsrfHeader, "1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("SlaMonitor.Board=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_a_configured_proxy_and_ignored_from_anyone_else()
    {
        await using var app = SlaApp.Production(new Dictionary<string, string?>
        {
            ["https_port"] = "443",
            ["AllowedHosts"] = "sla.example.com",
            ["Hosting:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
        });
        await using var withPeers = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerFromTestHeader>()));
        using var client = withPeers.CreateClient(new() { BaseAddress = new Uri("http://sla.example.com"), AllowAutoRedirect = false });

        using var viaProxy = await SendAsync(client, peer: "10.0.0.5", forwardedFor: "203.0.113.9");
        using var viaProxyOther = await SendAsync(client, peer: "10.0.0.5", forwardedFor: "203.0.113.10");
        using var direct = await SendAsync(client, peer: "10.0.0.6", forwardedFor: "203.0.113.9");

        Assert.Equal(HttpStatusCode.Unauthorized, viaProxy.StatusCode); // the proxy said https: no redirect
        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, direct.StatusCode); // not a proxy: its X-Forwarded-Proto is ignored
        // Each forwarded client has an allowance of its own; the proxy's address has none.
        Assert.Equal(2, withPeers.Services.GetRequiredService<FailedAuthentications>().TrackedAddresses);
    }

    [Fact]
    public async Task MassTransit_usage_telemetry_is_off_unless_configured_on()
    {
        await using var byDefault = new SlaApp();
        await using var configuredOn = new SlaApp(settings: new Dictionary<string, string?> { ["Messaging:UsageTelemetry"] = "true" });

        Assert.False(byDefault.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
        Assert.True(configuredOn.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public async Task The_openapi_document_is_public_outside_development()
    {
        await using var app = SlaApp.Production();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/v1/carriers/{carrierCode}/events", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_page_is_for_signed_in_users_outside_development_and_loads_nothing_from_elsewhere()
    {
        await using var app = SlaApp.Production();
        using var anonymous = app.CreateClient();
        using var signedIn = app.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SlaApp.ProductionAdminKey);

        using var refused = await anonymous.GetAsync("/docs");
        var page = await signedIn.GetStringAsync("/docs/"); // "/docs" redirects there, and a redirect drops the Authorization header

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(BoardPageFiles.ExternalReferences(page));
        var files = BoardPageFiles.References(page, "/docs/").ToList();
        Assert.NotEmpty(files); // Scalar's own bundle, from this server
        foreach (var file in files)
        {
            using var response = await signedIn.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_api_reference_page_is_open_in_development()
    {
        await using var app = new SlaApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ReferencePagePolicy, Header(response, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string peer, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/promises");
        request.Headers.Add(PeerFromTestHeader.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key-000000000");
        return client.SendAsync(request);
    }

    /// <summary>The test server has no socket: the connection's remote address comes from a test header instead.</summary>
    private sealed class PeerFromTestHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header] is [{ } peer])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
