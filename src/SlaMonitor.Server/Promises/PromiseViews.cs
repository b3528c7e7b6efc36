using System.Xml;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

public static class PromiseViews
{
    /// <summary>The one mapping from a stored promise to what leaves the server (the board's feed uses it too).</summary>
    public static PromiseView ToView(Promise p, Site site, List<StoredEvent>? events)
    {
        var zone = SiteTime.Zone(site.TimeZone);
        return new PromiseView(
            p.TicketRef, p.CustomerCode, p.SiteCode, site.Region, p.ServiceLevel, p.Status,
            SiteTime.At(p.OpenedAt, zone), SiteTime.At(p.Deadline, zone), SiteTime.At(p.ClosedAt, zone),
            SiteTime.At(p.PredictedCompletion, zone), p.ProbabilityLate,
            XmlConvert.ToString(TimeSpan.FromSeconds(p.PausedSeconds)),
            AdminJson.Deserialize<PausedByBlame>(p.PausedByBlameJson), p.Stage,
            AdminJson.Deserialize<List<string>>(p.ReasonsJson), p.CarrierCode, p.PolicyVersion,
            events?.Select(e => new TimelineEntry(
                e.EventId, e.CarrierCode, e.Kind, e.Code, SiteTime.At(e.OccurredAt, zone), SiteTime.At(e.ReceivedAt, zone),
                e.ShipmentRef, e.LocationCode, e.Reason, e.Note)).ToList());
    }
}
