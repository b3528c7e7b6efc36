using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using SlaMonitor.Client;

namespace SlaMonitor.Client;

/// <summary>The generated client wired to a server: its address and, for everything but the webhook, an API key.</summary>
public static class SlaMonitorClient
{
    /// <summary>
    /// A client for <paramref name="server"/> sending <c>Authorization: Bearer <paramref name="apiKey"/></c> (none when
    /// null: the carrier webhook is signed instead). <paramref name="http"/> is reused, not disposed.
    /// </summary>
    public static SlaMonitorApiClient Create(Uri server, string? apiKey = null, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        IAuthenticationProvider authentication = apiKey is null
            ? new AnonymousAuthenticationProvider()
            : new ApiKeyAuthenticationProvider("Bearer " + apiKey, "Authorization", ApiKeyAuthenticationProvider.KeyLocation.Header);
        var adapter = http is null ? new HttpClientRequestAdapter(authentication) : new HttpClientRequestAdapter(authentication, httpClient: http);
        adapter.BaseUrl = server.ToString().TrimEnd('/');
        return new SlaMonitorApiClient(adapter);
    }
}
