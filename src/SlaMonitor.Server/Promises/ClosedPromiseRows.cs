using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Keeps a promise's <see cref="ClosedPromise"/> row equal to it, in the same save: added when it closes, rewritten
/// when a correction or a late event changes its closing, removed when it is reopened. The row exists exactly when the
/// promise is met, missed or cancelled with a closing instant (the migration's backfill holds the same rule).
/// </summary>
public static class ClosedPromiseRows
{
    public static bool IsClosed(Promise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return promise.ClosedAt is not null && promise.Status is PromiseStatuses.Met or PromiseStatuses.Missed or PromiseStatuses.Cancelled;
    }

    /// <summary>Stages the row's change; <paramref name="wasClosed"/> is <see cref="IsClosed"/> of the promise as stored.</summary>
    public static void Keep(SlaDbContext db, Promise promise, bool wasClosed, string region)
    {
        ArgumentNullException.ThrowIfNull(db);
        var closed = IsClosed(promise);
        if (!wasClosed && !closed)
        {
            return;
        }

        var row = db.ClosedPromises.Local.FindEntry(promise.TicketRef)?.Entity;
        if (!closed)
        {
            db.ClosedPromises.Remove(row ?? Of(promise, region));
        }
        else if (row is not null)
        {
            db.Entry(row).CurrentValues.SetValues(Of(promise, region));
        }
        else if (wasClosed)
        {
            db.ClosedPromises.Update(Of(promise, region));
        }
        else
        {
            db.ClosedPromises.Add(Of(promise, region));
        }
    }

    private static ClosedPromise Of(Promise promise, string region) => new()
    {
        TicketRef = promise.TicketRef,
        ClosedAt = promise.ClosedAt ?? default,
        Status = promise.Status switch
        {
            PromiseStatuses.Met => ClosedStatuses.Met,
            PromiseStatuses.Missed => ClosedStatuses.Missed,
            _ => ClosedStatuses.Cancelled,
        },
        MarginSeconds = promise.MarginSeconds,
        LostCustomerSeconds = promise.LostCustomerSeconds,
        LostCustomsSeconds = promise.LostCustomsSeconds,
        LostCarrierSeconds = promise.LostCarrierSeconds,
        LostWeatherSeconds = promise.LostWeatherSeconds,
        LostOtherSeconds = promise.LostOtherSeconds,
        CustomerCode = promise.CustomerCode,
        Region = region,
        CarrierCode = promise.CarrierCode,
        ServiceLevel = promise.ServiceLevel,
        SiteCode = promise.SiteCode,
    };
}
