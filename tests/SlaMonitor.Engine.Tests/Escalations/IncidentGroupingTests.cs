using NodaTime;

namespace SlaMonitor.Engine.Tests.Escalations;

public class IncidentGroupingTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly Duration Window = Duration.FromMinutes(30);

    private sealed class Incident(string key, Instant openedAt)
    {
        public string Key { get; } = key;
        public Instant OpenedAt { get; } = openedAt;
        public int Members { get; set; }
    }

    [Fact]
    public void Two_hundred_escalations_of_one_carrier_hub_outage_form_one_incident()
    {
        var incidents = new List<Incident>();
        var key = IncidentGrouping.Key("FASTLANE", "EU", IncidentGrouping.ReasonCategory("CARRIER_HUB_OUTAGE", "IN_TRANSIT", "AT_RISK"));
        for (var i = 0; i < 200; i++)
        {
            var now = Start + Duration.FromSeconds(i * 5);
            var incident = IncidentGrouping.Find(incidents, x => x.Key, x => x.OpenedAt, key, Window, now);
            if (incident is null)
            {
                incidents.Add(incident = new Incident(key, now));
            }

            incident.Members++;
        }

        Assert.Equal(200, Assert.Single(incidents).Members);
        Assert.Equal("FASTLANE|EU|CARRIER", key);
    }

    [Fact]
    public void Another_key_or_a_time_after_the_window_starts_a_new_incident()
    {
        var incidents = new List<Incident> { new("FASTLANE|EU|CARRIER", Start) };

        Assert.Null(IncidentGrouping.Find(incidents, x => x.Key, x => x.OpenedAt, "FASTLANE|US|CARRIER", Window, Start));
        Assert.Null(IncidentGrouping.Find(incidents, x => x.Key, x => x.OpenedAt, "FASTLANE|EU|CARRIER", Window, Start + Window));
        Assert.NotNull(IncidentGrouping.Find(incidents, x => x.Key, x => x.OpenedAt, "FASTLANE|EU|CARRIER", Window, Start + Window - Duration.FromSeconds(1)));
    }

    [Fact]
    public void Without_a_blame_reason_the_stage_is_the_reason_category() =>
        Assert.Equal(("CUSTOMS", "IN_TRANSIT", "AT_RISK"), (
            IncidentGrouping.ReasonCategory("CUSTOMS_INSPECTION", "CUSTOMS_HOLD", "AT_RISK"),
            IncidentGrouping.ReasonCategory(null, "IN_TRANSIT", "AT_RISK"),
            IncidentGrouping.ReasonCategory(null, null, "AT_RISK")));
}
