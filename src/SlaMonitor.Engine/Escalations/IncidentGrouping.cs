using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// Escalations with the same business key (carrier + region + reason category) opened within
/// <c>window</c> of an incident's first member join that incident; otherwise they start a new one.
/// </summary>
public static class IncidentGrouping
{
    public static string Key(string? carrier, string region, string reasonCategory) =>
        $"{carrier ?? "-"}|{region}|{reasonCategory}";

    /// <summary>
    /// The reason category: the blame prefix of the latest event reason (CARRIER, CUSTOMS, …), else the stage,
    /// else the status — so a carrier hub outage (many CARRIER_ reasons) is one key per carrier and region.
    /// </summary>
    public static string ReasonCategory(string? latestReason, string? stage, string status) =>
        BlameCategories.FromReason(latestReason) switch
        {
            BlameCategory.None => stage ?? status,
            var blame => blame.ToString().ToUpperInvariant(),
        };

    /// <summary>Whether an incident first opened at <paramref name="incidentOpenedAt"/> still accepts members at <paramref name="now"/>.</summary>
    public static bool Accepts(Instant incidentOpenedAt, Duration window, Instant now) =>
        now >= incidentOpenedAt && now < incidentOpenedAt + window;

    /// <summary>The first incident (by opening) of the same key that still accepts members, or null.</summary>
    public static T? Find<T>(IEnumerable<T> incidents, Func<T, string> key, Func<T, Instant> openedAt, string wanted, Duration window, Instant now)
        where T : class =>
        incidents.Where(i => key(i) == wanted && Accepts(openedAt(i), window, now)).OrderBy(openedAt).FirstOrDefault();
}
