namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>A closed promise's status as <see cref="ClosedPromise.Status"/> stores it (the migration's backfill writes the same numbers).</summary>
public static class ClosedStatuses
{
    public const short Met = 1;
    public const short Missed = 2;
    public const short Cancelled = 3;
}
