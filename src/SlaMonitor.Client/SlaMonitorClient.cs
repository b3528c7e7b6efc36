using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace SlaMonitor.Client;

/// <summary>The generated client wired to a server: its address and, for everything but the webhook, an API key.</summary>
public static class SlaMonitorClient
{
    /// <summary>
    /// A client for <paramref name="server"/> sending <c>Authorization: Bearer <paramref name="apiKey"/></c> (none when
    /// null: the carrier webhook is signed instead). Use https outside your own machine: the key is a password.
    /// <paramref name="http"/> is reused, not disposed; without it Kiota's default handlers (retry, redirect) apply.
    /// </summary>
    public static SlaMonitorApiClient Create(Uri server, string? apiKey = null, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        IAuthenticationProvider authentication = apiKey is null ? new AnonymousAuthenticationProvider() : new BearerKey(apiKey);
        var adapter = http is null ? new HttpClientRequestAdapter(authentication) : new HttpClientRequestAdapter(authentication, httpClient: http);
        adapter.BaseUrl = server.ToString().TrimEnd('/');
        return new SlaMonitorApiClient(adapter);
    }

    /// <summary>Kiota's ApiKeyAuthenticationProvider refuses http, which a server on localhost (Development) speaks.</summary>
    private sealed class BearerKey(string key) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            request.Headers.TryAdd("Authorization", "Bearer " + key);
            return Task.CompletedTask;
        }
    }
}
