using NodaTime;
using NodaTime.Text;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

/// <summary>Turns stored (already validated) sites and policy versions into the engine's calendars and policies.</summary>
public static class EngineInputs
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    public static SiteCalendar Calendar(Site site)
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

    public static SlaPolicy Policy(PolicyVersion version)
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
