using System.Collections.Concurrent;
using NodaTime;
using NodaTime.Text;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

/// <summary>
/// Turns stored (already validated) sites and policy versions into the engine's calendars and policies. Each is
/// read once per process and content: every promise of an ingest batch is folded with them, and reading the JSON
/// costs more than the fold and evaluation together (ProductionPathBenchmarks). The cache is keyed by the stored
/// text itself, so an edited site or a new policy version is read afresh, and it is emptied if it ever grows large.
/// </summary>
public static class EngineInputs
{
    private const int MaxCached = 4096;
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly ConcurrentDictionary<(string TimeZone, string CalendarJson), SiteCalendar> Calendars = new();
    private static readonly ConcurrentDictionary<(string ServiceLevel, int Version, string DefinitionJson), SlaPolicy> Policies = new();

    public static SiteCalendar Calendar(Site site) => Cached(Calendars, (site.TimeZone, site.CalendarJson), _ => ReadCalendar(site));

    public static SlaPolicy Policy(PolicyVersion version) =>
        Cached(Policies, (version.ServiceLevel, version.Version, version.DefinitionJson), _ => ReadPolicy(version));

    private static TValue Cached<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TKey, TValue> read)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, read);
    }

    private static SiteCalendar ReadCalendar(Site site)
    {
        var body = AdminJson.Deserialize<CalendarBody>(site.CalendarJson);
        var zone = DateTimeZoneProviders.Tzdb[site.TimeZone];
        if (body.AlwaysOpen)
        {
            return SiteCalendar.AlwaysOpen(zone);
        }

        var hours = body.Hours ?? [new HoursBody { Opens = body.Opens, Closes = body.Closes }];
        return new SiteCalendar(
            zone,
            body.WorkingDays!.Select(SiteValidation.ParseDay),
            hours.Select(h => WorkingInterval.Parse(h.Opens!, h.Closes!)),
            (body.Holidays ?? []).Select(h => Date.Parse(h).Value));
    }

    private static SlaPolicy ReadPolicy(PolicyVersion version)
    {
        var body = AdminJson.Deserialize<PolicyBody>(version.DefinitionJson);
        var target = PolicyValidation.ReadCutoff(body.Target!.Value) is { } cutoff
            ? SlaTarget.NextBusinessDayBy(Time(cutoff.NextBusinessDayBy!), Time(cutoff.Cutoff!), cutoff.Days ?? 1)
            : SlaTarget.Within(body.Target.Value.GetString()!);
        return new SlaPolicy(
            version.ServiceLevel,
            version.Version,
            body.Clock == "business" ? SlaClock.Business : SlaClock.Elapsed,
            target,
            body.FulfilledBy!,
            PauseOn(body.PauseOn),
            body.AtRiskMargin is { } margin ? PeriodPattern.NormalizingIso.Parse(margin).Value.ToDuration() : Duration.Zero,
            body.ProbabilityThreshold ?? SlaPolicy.DefaultProbabilityThreshold,
            body.Escalation?.Select(s => new EscalationStep(s.Level!.Value, s.Notify!, PeriodPattern.NormalizingIso.Parse(s.After!).Value.ToDuration())).ToList());
    }

    private static PauseKinds PauseOn(IReadOnlyList<string>? kinds) =>
        (kinds ?? []).Aggregate(PauseKinds.None, (all, kind) => all | (kind == "CUSTOMS_HOLD" ? PauseKinds.CustomsHold : PauseKinds.CustomerHold));

    private static LocalTime Time(string text) => TimeOfDay.Parse(text).Value;
}
