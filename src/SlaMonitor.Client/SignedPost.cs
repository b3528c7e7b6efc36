using Microsoft.Kiota.Abstractions;
using SlaMonitor.Client.Models;

namespace SlaMonitor.Client.Api.V1.Carriers.Item.Events;

/// <summary>The webhook post a partner makes: a body serialised once, signed over exactly those bytes.</summary>
public partial class EventsRequestBuilder
{
    /// <summary>
    /// Posts <paramref name="body"/> (UTF-8 JSON: one event or <c>{"events":[...]}</c>) with <c>SlaMonitor-Signature</c>
    /// under <paramref name="secret"/>, signed now. 202 returns the per-event results; any other answer throws the problem
    /// details (<see cref="ProblemDetails"/>, or <see cref="HttpValidationProblemDetails"/> for 400/422) with its
    /// <c>ResponseStatusCode</c>.
    /// </summary>
    public Task<WebhookResponse> PostSignedAsync(ReadOnlyMemory<byte> body, string secret, CancellationToken cancellationToken = default) =>
        PostSignedAsync(body, secret, DateTimeOffset.UtcNow, cancellationToken);

    /// <summary>
    /// As <see cref="PostSignedAsync(ReadOnlyMemory{byte}, string, CancellationToken)"/>, signed at <paramref name="signedAt"/>
    /// (the signature's <c>t</c>) instead of now: for a sender whose clock is not the wall clock, such as a replay on a
    /// virtual clock. The server refuses a time more than <see cref="WebhookSigner.Tolerance"/> from its own clock.
    /// </summary>
    public async Task<WebhookResponse> PostSignedAsync(ReadOnlyMemory<byte> body, string secret, DateTimeOffset signedAt, CancellationToken cancellationToken = default)
    {
        var request = new RequestInformation(Method.POST, UrlTemplate, PathParameters);
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(secret, body.Span, signedAt));
        request.SetStreamContent(SlaMonitorApiClient.AsStream(body), "application/json");
        return await RequestAdapter.SendAsync(request, WebhookResponse.CreateFromDiscriminatorValue, SlaMonitorApiClient.Problems, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The webhook answered 202 without a body.");
    }
}
