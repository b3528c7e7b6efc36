using System.Text;
using NodaTime;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// Posts an alert to a customer's alertWebhook, signed (<c>SlaMonitor-Signature</c>, as inbound) with the customer's
/// alert secrets; retries come from the resilience handler, the address check from <see cref="AlertTargetConnector"/>.
/// </summary>
public sealed class AlertWebhookClient(HttpClient http, AlertTargetPolicy targets, IClock clock)
{
    /// <param name="secrets">The customer's alertSecret, then its previous one while that is not retired: one v1 value each.</param>
    /// <returns>Every try; a single try numbered 0 when the alert was not sent at all (a refused URL, no secret).</returns>
    public async Task<IReadOnlyList<DeliveryAttempt>> Post(Uri url, string json, IReadOnlyList<string> secrets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(secrets);
        if (targets.RefuseUrl(url) is { } refused)
        {
            return [NotSent($"alertWebhook {refused}")];
        }

        if (secrets.Count == 0)
        {
            return [NotSent("the customer has no alertSecret to sign with; set one with PUT /api/v1/customers/{code}.")];
        }

        var attempts = new List<DeliveryAttempt>();
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(secrets, clock.GetCurrentInstant().ToUnixTimeSeconds(), body));
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

    private DeliveryAttempt NotSent(string why) => new(0, null, why, clock.GetCurrentInstant().ToDateTimeOffset());
}
