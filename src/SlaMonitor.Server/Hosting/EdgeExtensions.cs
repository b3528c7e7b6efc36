using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Hosting;

/// <summary>
/// Where the server meets the network: forwarded headers from configured proxies only, HTTPS redirection and HSTS
/// outside Development, configured host names, and security headers on every response.
/// </summary>
public static class EdgeExtensions
{
    public static void AddSlaEdge(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.AddSettings<AllowedHostsOptions>(AllowedHostsOptions.Section, o => o.InDevelopment = development);
        var proxies = builder.AddSettings<HostingOptions>(HostingOptions.Section).ForwardedHeaders;
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: ASP.NET Core's default trusts any loopback sender.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static void UseSlaEdge(this WebApplication app)
    {
        if (app.Services.GetRequiredService<HostingOptions>().ForwardedHeaders.Any)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Health probes come from inside the network, on plain HTTP, and must not be redirected.
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), a => a.UseHttpsRedirection());
        }

        app.UseSecurityHeaders();
    }
}
