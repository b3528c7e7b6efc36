namespace SlaMonitor.Server.Hosting;

/// <summary>What each tag of the OpenAPI document holds (the endpoints name their tag with <c>WithTags</c>).</summary>
public static class ApiTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["Carrier webhooks"] = "Partners post status events, signed with SlaMonitor-Signature (no API key), and read their delivery log and parked events with a carrier key.",
        ["Admin: sites"] = "Sites with their time zone and business calendar; writing needs the admin role.",
        ["Admin: policies"] = "SLA policies per service level, versioned: clock, target, fulfilling milestone, pauses, risk margin, escalation ladder.",
        ["Admin: customers"] = "Customers, their account managers and the signed alert webhook; account managers read only their own.",
        ["Admin: carriers"] = "Carriers: webhook secret (rotated without downtime), body format, rate, the customers they may report for.",
        ["Promises"] = "Promises ordered by deadline, with status, prediction, reasons and timeline.",
        ["Corrections"] = "Hand corrections by ops: void an event, close, reopen, move a deadline; each audited.",
        ["Escalations"] = "Escalations raised by at-risk and breached promises: list, acknowledge, assign, resolve, metrics.",
        ["Silences"] = "Planned mutes of alerts by carrier, region or customer.",
        ["Audit"] = "Who changed what: configuration changes and actions on escalations and promises.",
        ["Reports"] = "Attainment of the promises closed in a period, grouped by customer, region, carrier, service level, site, week or month, as JSON or CSV.",
        ["Board"] = "The live board's own endpoints: its cookie session and attainment statistics.",
    };
}
