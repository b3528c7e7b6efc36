using NodaTime;

namespace SlaMonitor.Server.Notifications;

/// <summary>
/// Sits inside the resilience handler, so it sees every retry: appends each try's outcome to the list
/// the caller put in the request's options.
/// </summary>
public sealed class AttemptRecorder(IClock clock) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<List<DeliveryAttempt>> Key = new("slamonitor-attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.TryGetValue(Key, out var attempts);
        var number = (attempts?.Count ?? 0) + 1;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            attempts?.Add(new DeliveryAttempt(number, (int)response.StatusCode, null, clock.GetCurrentInstant().ToDateTimeOffset()));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            attempts?.Add(new DeliveryAttempt(number, null, e.Message, clock.GetCurrentInstant().ToDateTimeOffset()));
            throw;
        }
    }
}
