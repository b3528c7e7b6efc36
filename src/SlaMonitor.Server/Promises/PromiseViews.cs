using System.Xml;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Promises;

public static class PromiseViews
{
    /// <summary>
    /// The one mapping from a stored promise to what leaves the server (the board's feed uses it too). With its events,
    /// the timeline (voided ones marked) and the corrections made by hand.
    /// </summary>
    public static PromiseView ToView(Promise p, Site site, List<StoredEvent>? events, IReadOnlyList<StoredCorrection>? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(site);
        var zone = SiteTime.Zone(site.TimeZone);
        return new PromiseView(
            p.TicketRef, p.CustomerCode, p.SiteCode, site.Region, p.ServiceLevel, p.Status,
            SiteTime.At(p.OpenedAt, zone), SiteTime.At(p.Deadline, zone), SiteTime.At(p.PromisedBy, zone), SiteTime.At(p.ClosedAt, zone),
            SiteTime.At(p.PredictedCompletion, zone), p.ProbabilityLate, p.EstimateSource,
            XmlConvert.ToString(TimeSpan.FromSeconds(p.PausedSeconds)),
            AdminJson.Deserialize<PausedByBlame>(p.PausedByBlameJson), p.Stage,
            AdminJson.Deserialize<List<string>>(p.ReasonsJson), p.CarrierCode, p.PolicyVersion,
            events?.Select(e => new TimelineEntry(
                e.EventId, e.CarrierCode, e.Kind, e.Code, SiteTime.At(e.OccurredAt, zone), SiteTime.At(e.ReceivedAt, zone),
                e.ShipmentRef, e.LocationCode, e.Reason, e.Note, VoidOf(e, corrections, zone))).ToList(),
            events is null ? null : (corrections ?? []).Select(c => new CorrectionView(
                c.Action, c.CarrierCode, c.EventId, SiteTime.At(c.At, zone), c.Reason, c.Actor, SiteTime.At(c.MadeAt, zone))).ToList());
    }

    private static VoidMark? VoidOf(StoredEvent e, IReadOnlyList<StoredCorrection>? corrections, NodaTime.DateTimeZone zone) =>
        corrections?.FirstOrDefault(c => c.Action == CorrectionActions.Void && c.CarrierCode == e.CarrierCode && c.EventId == e.EventId) is { } c
            ? new VoidMark(c.Actor, c.Reason, SiteTime.At(c.MadeAt, zone))
            : null;
}
