using System.Text.Json.Nodes;

namespace SlaMonitor.Server.Tests.Support;

/// <summary>Valid admin bodies as in PRODUCT.md; tests break one field at a time.</summary>
public static class Bodies
{
    public const string Site = "ACME-FRA-DC2";
    public const string Customer = "ACME";
    public const string Carrier = "FASTLANE";
    public const string CarrierSecret = "test-secret-fastlane-0001";
    public const string ServiceLevel = "4H-ONSITE";

    public static JsonObject BerlinSite() => new()
    {
        ["name"] = "ACME Frankfurt DC2",
        ["region"] = "EU",
        ["timeZone"] = "Europe/Berlin",
        ["calendar"] = new JsonObject
        {
            ["workingDays"] = new JsonArray("Mon", "Tue", "Wed", "Thu", "Fri"),
            ["opens"] = "08:00",
            ["closes"] = "18:00",
            ["holidays"] = new JsonArray("2026-12-25"),
        },
    };

    public static JsonObject FourHourPolicy() => new()
    {
        ["clock"] = "elapsed",
        ["target"] = "PT4H",
        ["fulfilledBy"] = "TECHNICIAN_ONSITE",
        ["pauseOn"] = new JsonArray("CUSTOMER_HOLD"),
        ["atRiskMargin"] = "PT30M",
    };

    public static JsonObject AcmeCustomer() => new()
    {
        ["name"] = "ACME Corp",
        ["accountManagers"] = new JsonArray(new JsonObject { ["name"] = "Dana", ["email"] = "dana@example.com" }),
    };

    public static JsonObject FastlaneCarrier() => new() { ["name"] = "FastLane Express", ["secret"] = CarrierSecret };
}
