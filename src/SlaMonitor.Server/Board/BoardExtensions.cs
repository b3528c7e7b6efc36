using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Board;

/// <summary>The watch board: static pages, sign-in, a SignalR hub and the feed that sends it changed rows.</summary>
public static class BoardExtensions
{
    /// <summary>Call after AddSlaAuth: the board makes "API key or board cookie" the default scheme.</summary>
    public static void AddSlaBoard(this WebApplicationBuilder builder, ServerRole role)
    {
        if (!role.ServesApi)
        {
            return;
        }

        builder.AddBoardAuth();
        builder.Services.AddSignalR();
        // The hub speaks the same JSON as the API (enums as strings, nulls left out).
        builder.Services.AddOptions<JsonHubProtocolOptions>().Configure<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>(
            (hub, http) => hub.PayloadSerializerOptions = new JsonSerializerOptions(http.Value.SerializerOptions));
        builder.Services.AddSingleton<BoardFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BoardFeed>());
    }

    public static void MapSlaBoard(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            // Files are not fingerprinted: browsers revalidate (ETag) so a deployment is seen at once.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapBoardPages();
        app.MapBoardSession();
        app.MapBoardStats();
        app.MapHub<BoardHub>(BoardHub.Path);
    }
}
