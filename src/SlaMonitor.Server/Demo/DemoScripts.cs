namespace SlaMonitor.Server.Demo;

/// <summary>Realistic hop sequences per service level: parts travel, sometimes through customs, then a technician.</summary>
public static class DemoScripts
{
    public static Queue<DemoStep> For(string serviceLevel, string siteCode, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var country = siteCode switch
        {
            _ when siteCode.Contains("FRA", StringComparison.Ordinal) => "DE",
            _ when siteCode.Contains("NYC", StringComparison.Ordinal) => "US",
            _ when siteCode.Contains("SAO", StringComparison.Ordinal) => "BR",
            _ => "SG",
        };
        var steps = new List<DemoStep>
        {
            new("FIELDFORCE", "repair", "PART_ALLOCATED"),
            new("FASTLANE", "shipment", "LABEL_CREATED", $"{country}-FSL"),
            new("FASTLANE", "shipment", "PICKED_UP", $"{country}-FSL"),
            new("FASTLANE", "shipment", "IN_TRANSIT", $"{country}-HUB"),
        };
        if (serviceLevel != "4H-ONSITE" && random.NextDouble() < 0.3)
        {
            steps.Add(new("NORDFREIGHT", "customs", "ENTRY_FILED", $"{country}-CUS"));
            steps.Add(new("NORDFREIGHT", "customs", "HELD", $"{country}-CUS", "CUSTOMS_INSPECTION"));
            steps.Add(new("NORDFREIGHT", "customs", "RELEASED", $"{country}-CUS"));
        }

        if (random.NextDouble() < 0.15)
        {
            steps.Add(new("FASTLANE", "shipment", "DELAYED", $"{country}-HUB", "CARRIER_CAPACITY"));
        }

        steps.Add(new("FASTLANE", "shipment", "OUT_FOR_DELIVERY", $"{country}-LOCAL"));
        steps.Add(new("FASTLANE", "shipment", "DELIVERED", siteCode));
        if (serviceLevel == "4H-ONSITE")
        {
            steps.Add(new("FIELDFORCE", "repair", "TECHNICIAN_DISPATCHED"));
            steps.Add(new("FIELDFORCE", "repair", "TECHNICIAN_ONSITE", siteCode));
        }

        if (random.NextDouble() < 0.05)
        {
            steps.Insert(random.Next(1, steps.Count), new("FIELDFORCE", "repair", "CANCELLED", Reason: "CUSTOMER_CANCELLED"));
        }

        return new Queue<DemoStep>(steps);
    }
}
