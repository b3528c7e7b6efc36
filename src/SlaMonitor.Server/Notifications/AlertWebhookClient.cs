using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Notifications;

/// <summary>Posts a signed alert (<c>SlaMonitor-Signature</c>, as inbound) to a customer's alertWebhook; retries come from the resilience handler.</summary>
public sealed class AlertWebhookClient(HttpClient http, IOptions<WebhookAlertOptions> options, IClock clock)
{
    public async Task<IReadOnlyList<DeliveryAttempt>> Post(Uri url, string json, CancellationToken ct)
    {
        var attempts = new List<DeliveryAttempt>();
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(options.Value.Secret, clock.GetCurrentInstant().ToUnixTimeSeconds(), body));
        request.Options.Set(AttemptRecorder.Key, attempts);
        try
        {
            using var response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Every try is in the attempts; the last one says why it failed.
        }

        return attempts;
    }
}
