using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Api;
using SlaMonitor.Server.Webhooks;

namespace SlaMonitor.Server.Promises;

/// <summary>Maps stored rows onto the engine and its answer back. FOUNDATION: elapsed-time targets only until the engine lands.</summary>
public static class PromiseEvaluator
{
    public static Evaluation Evaluate(StoredEvent opened, IReadOnlyList<StoredEvent> events, PolicyVersion policyVersion, Site site, Instant now)
    {
        var policy = AdminJson.Deserialize<PolicyBody>(policyVersion.DefinitionJson);
        var openedAt = Instant.FromDateTimeUtc(opened.OccurredAt);
        var target = policy.Target is { ValueKind: System.Text.Json.JsonValueKind.String } t
            ? NodaTime.Text.PeriodPattern.NormalizingIso.Parse(t.GetString()!).Value.ToDuration()
            : Duration.FromDays(1);
        var deadline = openedAt + target;
        var cancelled = events.FirstOrDefault(e => e.Kind == EventCodes.Repair && e.Code == EventCodes.Cancelled);
        if (cancelled is not null)
        {
            return Closed(PromiseStatuses.Cancelled, deadline, cancelled);
        }

        var fulfilled = events.FirstOrDefault(e => e.Code == policy.FulfilledBy && e.OccurredAt >= opened.OccurredAt);
        if (fulfilled is not null)
        {
            var at = Instant.FromDateTimeUtc(fulfilled.OccurredAt);
            return Closed(at <= deadline ? PromiseStatuses.Met : PromiseStatuses.Missed, deadline, fulfilled);
        }

        return now > deadline
            ? new Evaluation(PromiseStatuses.Breached, deadline, null, null, null, null, Duration.Zero, ["deadline passed"])
            : new Evaluation(PromiseStatuses.OnTrack, deadline, null, deadline, null, null, Duration.Zero, []);
    }

    private static Evaluation Closed(string status, Instant deadline, StoredEvent closing) =>
        new(status, deadline, Instant.FromDateTimeUtc(closing.OccurredAt), null, null, null, Duration.Zero, []);
}
