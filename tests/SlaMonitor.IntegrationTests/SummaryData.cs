using System.Net.Http.Json;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Promises;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Rows for the executive summary, written straight to the database (the report reads rows; how they came to be is the
/// other tests' business). The range is 2026-10-05 to 2026-10-12 UTC, the previous period 2026-09-28 to 2026-10-05.
/// Promises (4H-ONSITE), closed in the range unless said otherwise:
/// <list type="bullet">
/// <item>ACME at ACME-FRA-DC2 (EU): FASTLANE 4 met + 2 missed, SLOWPOST 2 met + 3 missed: 6 met, 5 missed. In the previous
/// period 2 met. Open at the range's end past their deadline: ACME-OPEN (deadline 10-11 12:00, never closed) and
/// ACME-LATE (deadline 10-11 20:00, closed missed 10-12 02:00, after the range); ACME-FUTURE (deadline 10-12 02:00) is not.</item>
/// <item>GLOBEX at GLX-NYC (NA): NORDFREIGHT 4 met + 1 missed, FASTLANE 0 met + 4 missed (under the lanes' minimum of 5).</item>
/// </list>
/// Escalations opened in the range (acknowledged after):
/// <list type="bullet">
/// <item>ACME: CUSTOMS on met ACME-FL-M1 (10 min) and ACME-FL-M2 (30 min), on missed ACME-FL-X1 twice (50 and 40 min);
/// AWAITING_PICKUP on the open ACME-OPEN (not acknowledged).</item>
/// <item>GLOBEX: CARRIER on missed GLX-FL-X1 (5 min) and GLX-FL-X2 (not acknowledged); CUSTOMS_HOLD on met GLX-NF-M1 (20 min).</item>
/// </list>
/// </summary>
public static class SummaryData
{
    public const string From = "2026-10-05";
    public const string To = "2026-10-12";
    public const string OtherSite = "GLX-NYC";

    public static async Task SeedAsync(SlaHost app, HttpClient admin)
    {
        await TestSetup.ConfigureAsync(admin);
        var site = TestSetup.SiteBody();
        site["name"] = "Globex New York";
        site["region"] = "NA";
        site["timeZone"] = "America/New_York";
        (await admin.PutAsJsonAsync($"/api/v1/sites/{OtherSite}", site)).EnsureSuccessStatusCode();
        await app.ReadAsync(async db =>
        {
            Closed(db, "ACME", TestSetup.Site, "FASTLANE", "ACME-FL", met: 4, missed: 2, day: 6);
            Closed(db, "ACME", TestSetup.Site, "SLOWPOST", "ACME-SP", met: 2, missed: 3, day: 7);
            Closed(db, "ACME", TestSetup.Site, "FASTLANE", "ACME-PREV", met: 2, missed: 0, day: 1);
            Closed(db, "GLOBEX", OtherSite, "NORDFREIGHT", "GLX-NF", met: 4, missed: 1, day: 8);
            Closed(db, "GLOBEX", OtherSite, "FASTLANE", "GLX-FL", met: 0, missed: 4, day: 9);
            db.Promises.Add(Promise("ACME-OPEN", "ACME", TestSetup.Site, "FASTLANE", At(11, 8), null, null));
            db.Promises.Add(Promise("ACME-LATE", "ACME", TestSetup.Site, "FASTLANE", At(11, 16), At(12, 2), "MISSED"));
            db.Promises.Add(Promise("ACME-FUTURE", "ACME", TestSetup.Site, "FASTLANE", At(11, 22), null, null));
            Escalated(db, "ACME-FL-M1", "ACME", TestSetup.Site, "CUSTOMS", At(6, 10), 10);
            Escalated(db, "ACME-FL-M2", "ACME", TestSetup.Site, "CUSTOMS", At(6, 11), 30);
            Escalated(db, "ACME-FL-X1", "ACME", TestSetup.Site, "CUSTOMS", At(6, 12), 50);
            Escalated(db, "ACME-FL-X1", "ACME", TestSetup.Site, "CUSTOMS", At(6, 14), 40);
            Escalated(db, "ACME-OPEN", "ACME", TestSetup.Site, "AWAITING_PICKUP", At(11, 10), null, open: true);
            Escalated(db, "GLX-FL-X1", "GLOBEX", OtherSite, "CARRIER", At(9, 10), 5);
            Escalated(db, "GLX-FL-X2", "GLOBEX", OtherSite, "CARRIER", At(9, 11), null);
            Escalated(db, "GLX-NF-M1", "GLOBEX", OtherSite, "CUSTOMS_HOLD", At(8, 10), 20);
            foreach (var promise in db.ChangeTracker.Entries<Promise>().Select(e => e.Entity).ToList())
            {
                // The closed-promise rows the projector keeps with each promise (the attainment figures read them).
                ClosedPromiseRows.Keep(db, promise, RegionOf(promise.SiteCode));
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Met ones are {prefix}-M1…, missed ones {prefix}-X1…, opened at 08:00 on the day of October and closed the same day.</summary>
    private static void Closed(SlaDbContext db, string customer, string site, string carrier, string prefix, int met, int missed, int day)
    {
        for (var i = 1; i <= met; i++)
        {
            db.Promises.Add(Promise($"{prefix}-M{i}", customer, site, carrier, At(day, 8), At(day, 11), "MET"));
        }

        for (var i = 1; i <= missed; i++)
        {
            db.Promises.Add(Promise($"{prefix}-X{i}", customer, site, carrier, At(day, 8), At(day, 13), "MISSED"));
        }
    }

    /// <summary>A 4-hour promise opened at <paramref name="opened"/>; open (status BREACHED) when not closed.</summary>
    private static Promise Promise(string ticket, string customer, string site, string carrier, DateTime opened, DateTime? closed, string? status)
    {
        var deadline = opened.AddHours(4);
        return new Promise
        {
            TicketRef = ticket, CustomerCode = customer, SiteCode = site, ServiceLevel = TestSetup.ServiceLevel, PolicyVersion = 1,
            Status = status ?? "BREACHED", OpenedAt = opened, Deadline = deadline, ClosedAt = closed, CarrierCode = carrier, ReasonsJson = "[]",
            MarginSeconds = closed is { } c ? (long)(deadline - c).TotalSeconds : null, UpdatedAt = closed ?? opened,
        };
    }

    private static void Escalated(SlaDbContext db, string ticket, string customer, string site, string reason, DateTime opened, int? acknowledgedAfterMinutes, bool open = false) =>
        db.Escalations.Add(new Escalation
        {
            Id = Guid.NewGuid(), TicketRef = ticket, OpenKey = open ? ticket : null, CustomerCode = customer, SiteCode = site,
            Region = RegionOf(site), ReasonKey = reason, PromiseStatus = "AT_RISK", Deadline = opened.AddHours(1), Level = 1,
            State = open ? "open" : "resolved", OpenedAt = opened,
            AcknowledgedAt = acknowledgedAfterMinutes is { } minutes ? opened.AddMinutes(minutes) : null,
            ServiceLevel = TestSetup.ServiceLevel, PolicyVersion = 1, UpdatedAt = opened,
        });

    private static string RegionOf(string site) => site == OtherSite ? "NA" : "EU";

    private static DateTime At(int day, int hour) => new(2026, 10, day, hour, 0, 0, DateTimeKind.Utc);
}
