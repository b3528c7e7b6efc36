using System.Text.Json.Nodes;
using CsvHelper;
using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Replay;

/// <summary>
/// Turns the Olist sample (data/olist) into the replay's input folder. Each delivered order is a promise: purchase =
/// OPENED with <c>opened.promisedBy</c> = the end of the estimated delivery day in São Paulo; carrier date = PICKED_UP at
/// the seller's state (the pickup event's location, so the lane's origin); delivery = DELIVERED. The site is the
/// customer's state (its region, so the lane's destination), so lanes are seller state → customer state, as in the
/// figures published before the tool. One 24x7 policy with no at-risk margin (the deadline is the end of a calendar
/// day, so any margin flags every order still open on its last day).
/// </summary>
public static class OlistConverter
{
    public const string Carrier = "olist";
    public const string Customer = "OLIST";
    public const string ServiceLevel = "OLIST-STANDARD";

    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    private static readonly LocalDateTimePattern Timestamp = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
    private static readonly string[] Columns =
        ["carrier", "eventId", "kind", "code", "occurredAt", "ticketRef", "location.code", "location.countryCode",
         "opened.customer", "opened.site", "opened.serviceLevel", "opened.promisedBy"];

    /// <summary>Writes config.json and events.csv into <paramref name="output"/>; returns the number of orders.</summary>
    public static int Convert(string olist, string output)
    {
        var sellerState = Rows(olist, "olist_sellers_dataset.csv").ToDictionary(r => r["seller_id"], r => r["seller_state"], StringComparer.Ordinal);
        var customerState = Rows(olist, "olist_customers_dataset.csv").ToDictionary(r => r["customer_id"], r => r["customer_state"], StringComparer.Ordinal);
        var firstSeller = Rows(olist, "olist_order_items_dataset.csv").Where(r => r["order_item_id"] == "1")
            .ToDictionary(r => r["order_id"], r => r["seller_id"], StringComparer.Ordinal);
        var orders = Rows(olist, "olist_orders_dataset.csv")
            .Where(r => r["order_status"] == "delivered" && r["order_delivered_carrier_date"].Length > 0 && r["order_delivered_customer_date"].Length > 0
                && firstSeller.ContainsKey(r["order_id"]))
            .Select(r => (Id: r["order_id"], Purchased: At(r["order_purchase_timestamp"]), PickedUp: At(r["order_delivered_carrier_date"]),
                Delivered: At(r["order_delivered_customer_date"]), PromisedBy: EndOfDay(r["order_estimated_delivery_date"]),
                From: sellerState[firstSeller[r["order_id"]]], To: customerState[r["customer_id"]]))
            .OrderBy(o => o.Purchased).ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToList();

        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "config.json"), Config(orders.Select(o => o.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToJsonString(ReportFiles.Json));
        using var csv = CsvWriter.ToFile(Path.Combine(output, "events.csv"));
        csv.WriteRecord(Columns);
        foreach (var o in orders)
        {
            csv.WriteRecord([Carrier, o.Id + "/opened", "repair", "OPENED", Text(o.Purchased), o.Id, "", "", Customer, Site(o.To), ServiceLevel, Text(o.PromisedBy)]);
            csv.WriteRecord([Carrier, o.Id + "/pickup", "shipment", "PICKED_UP", Text(o.PickedUp), o.Id, "BR-" + o.From, o.From, "", "", "", ""]);
            csv.WriteRecord([Carrier, o.Id + "/delivered", "shipment", "DELIVERED", Text(o.Delivered), o.Id, "BR-" + o.To, o.To, "", "", "", ""]);
        }

        return orders.Count;
    }

    public static string Site(string state) => "BR-" + state;

    private static JsonObject Config(IEnumerable<string> states) => new()
    {
        ["sites"] = new JsonObject(states.Select(s => KeyValuePair.Create(Site(s), (JsonNode?)new JsonObject
        {
            ["name"] = $"Olist customers in {s}",
            ["region"] = s,
            ["timeZone"] = Zone.Id,
            ["calendar"] = new JsonObject { ["alwaysOpen"] = true },
        }))),
        ["policies"] = new JsonObject
        {
            [ServiceLevel] = new JsonObject
            {
                ["clock"] = "elapsed",
                ["target"] = "PT720H", // never used: every order carries its promised date
                ["fulfilledBy"] = "DELIVERED",
                ["pauseOn"] = new JsonArray(),
                ["atRiskMargin"] = "PT0S",
                ["escalation"] = new JsonArray(new JsonObject { ["level"] = 1, ["notify"] = "board", ["after"] = "PT0M" }),
            },
        },
        ["customers"] = new JsonObject { [Customer] = new JsonObject { ["name"] = "Olist sample (CC BY-NC-SA 4.0)", ["accountManagers"] = new JsonArray() } },
        ["carriers"] = new JsonObject
        {
            [Carrier] = new JsonObject
            {
                ["name"] = "Olist carriers",
                ["secret"] = "olist-replay-secret-0123456789",
                ["format"] = "canonical",
                ["requestsPerSecond"] = 100_000,
                ["customers"] = new JsonArray("*"),
            },
        },
    };

    private static Instant At(string text) => Zone.AtLeniently(Timestamp.Parse(text).Value).ToInstant();

    /// <summary>The estimated delivery date is a day: its end (the next midnight, São Paulo) is the promise.</summary>
    private static Instant EndOfDay(string text) => Zone.AtStartOfDay(Timestamp.Parse(text).Value.Date.PlusDays(1)).ToInstant();

    private static string Text(Instant instant) => OffsetDateTimePattern.Rfc3339.Format(instant.InZone(Zone).ToOffsetDateTime());

    private static IEnumerable<Dictionary<string, string>> Rows(string folder, string file)
    {
        using var csv = CsvReader.FromFile(Path.Combine(folder, file));
        var header = csv.Headers.ToArray();
        while (csv.Read())
        {
            yield return header.Select((h, i) => (h, csv.GetString(i))).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal);
        }
    }
}
