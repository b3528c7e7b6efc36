using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>What a proposed policy would do to the open promises of its service level, before it is applied.</summary>
public static class PolicyPreview
{
    /// <summary>
    /// Re-judges each open promise of <paramref name="proposed"/>'s service level by the proposed policy at
    /// <paramref name="now"/> and returns those whose status or deadline would change; closed promises and other
    /// service levels are left out. The promises keep their frozen policy: this only answers "what if".
    /// </summary>
    public static IReadOnlyList<PreviewChange> Preview(
        IEnumerable<PromiseState> openPromises, SlaPolicy proposed, Instant now, LaneStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(openPromises);
        ArgumentNullException.ThrowIfNull(proposed);
        var changes = new List<PreviewChange>();
        foreach (var promise in openPromises)
        {
            if (promise.IsClosed || promise.Policy.ServiceLevel != proposed.ServiceLevel)
            {
                continue;
            }

            var before = SlaEvaluator.Evaluate(promise, now, statistics);
            var after = SlaEvaluator.Evaluate(promise.WithPolicy(proposed), now, statistics);
            if (before.Status != after.Status || before.Deadline.ToInstant() != after.Deadline.ToInstant())
            {
                changes.Add(new PreviewChange(promise, before.Status, after.Status, before.Deadline, after.Deadline));
            }
        }

        return changes;
    }
}
