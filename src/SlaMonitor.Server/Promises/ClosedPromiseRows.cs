using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

/// <summary>
/// Keeps a promise's <see cref="ClosedPromise"/> row equal to it, in the same save: added when it closes, rewritten
/// when a correction or a late event changes its closing, removed when it is reopened. The row exists exactly when the
/// promise is met, missed or cancelled with a closing instant (the migration's backfill holds the same rule). The
/// stored row, if any, must be tracked already (<see cref="PromiseProjector"/> loads them with the promises): what is
/// done follows the row as stored, not the promise's previous state, so a row missed or left behind (a worker of the
/// previous version closing a promise while the migration ran) is put right at the promise's next re-derivation.
/// </summary>
public static class ClosedPromiseRows
{
    public static bool IsClosed(Promise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return promise.ClosedAt is not null && promise.Status is PromiseStatuses.Met or PromiseStatuses.Missed or PromiseStatuses.Cancelled;
    }

    /// <summary>Stages the row's change; <paramref name="region"/> is the promise's site's.</summary>
    public static void Keep(SlaDbContext db, Promise promise, string region)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = db.ClosedPromises.Local.FindEntry(promise.TicketRef)?.Entity;
        if (!IsClosed(promise))
        {
            if (row is not null)
            {
                db.ClosedPromises.Remove(row);
            }
        }
        else if (row is not null)
        {
            db.Entry(row).CurrentValues.SetValues(Of(promise, region));
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
