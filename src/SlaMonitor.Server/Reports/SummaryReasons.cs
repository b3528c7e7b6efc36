using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// The most common reasons promises were escalated, in words: each escalation's reason category (the blame of its latest
/// event reason, else the promise's stage, else its status — as the incident grouping keys it) at its site, counted
/// once per promise.
/// </summary>
public static class SummaryReasons
{
    public static IReadOnlyList<SummaryReason> Top(IEnumerable<SummaryEscalation> escalations, int count) =>
        escalations
            .GroupBy(e => (Reason: Words(e.ReasonKey), e.Site))
            .Select(g => (g.Key.Reason, g.Key.Site, Promises: g.Select(e => e.TicketRef).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(r => r.Promises).ThenBy(r => r.Reason, StringComparer.Ordinal).ThenBy(r => r.Site, StringComparer.Ordinal)
            .Take(count)
            .Select(r => new SummaryReason(r.Reason, r.Site, r.Promises, $"{r.Reason} at {r.Site} ({r.Promises} {(r.Promises == 1 ? "promise" : "promises")})"))
            .ToList();

    public static string Words(string reasonKey) => reasonKey switch
    {
        "CUSTOMS" or "CUSTOMS_HOLD" => "customs hold",
        "CUSTOMER" => "customer hold",
        "CARRIER" => "carrier delay",
        "WEATHER" => "weather delay",
        "OTHER" => "delay of another cause",
        "AWAITING_PICKUP" => "late pickup",
        "IN_TRANSIT" => "delay in transit",
        "OUT_FOR_DELIVERY" => "delay out for delivery",
        "AWAITING_TECHNICIAN" => "waiting for a technician",
        "TECHNICIAN_ONSITE" => "repair on site running long",
        PromiseStatuses.Breached => "deadline passed without a stated cause",
        _ => "at risk without a stated cause",
    };
}
