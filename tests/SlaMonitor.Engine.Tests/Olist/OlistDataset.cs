using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SlaMonitor.Engine.Tests.Olist;

/// <summary>
/// Loads the delivered orders of the Olist sample in data/olist (see its README). Timestamps are São Paulo local time;
/// the deadline is the end of the estimated delivery day; the lane is the first item's seller state to the customer state.
/// </summary>
public static class OlistDataset
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    private static readonly LocalDateTimePattern Timestamp =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");

    public static IReadOnlyList<OlistOrder> LoadDelivered()
    {
        var directory = DataDirectory();
        var sellerState = Rows(directory, "olist_sellers_dataset.csv").ToDictionary(r => r[0], r => r[^1]);
        var customerState = Rows(directory, "olist_customers_dataset.csv").ToDictionary(r => r[0], r => r[^1]);
        var firstSeller = Rows(directory, "olist_order_items_dataset.csv")
            .Where(r => r[1] == "1")
            .ToDictionary(r => r[0], r => r[3]);

        var orders = new List<OlistOrder>();
        foreach (var r in Rows(directory, "olist_orders_dataset.csv"))
        {
            if (r[2] != "delivered" || r[5].Length == 0 || r[6].Length == 0 || !firstSeller.TryGetValue(r[0], out var seller))
            {
                continue;
            }

            var estimatedDay = LocalDate.FromDateTime(DateTime.Parse(r[7], CultureInfo.InvariantCulture));
            orders.Add(new OlistOrder(
                r[0],
                At(r[3]),
                At(r[5]),
                At(r[6]),
                Zone.AtStartOfDay(estimatedDay.PlusDays(1)).ToInstant(),
                sellerState[seller],
                customerState[r[1]]));
        }

        orders.Sort((a, b) => a.Purchased.CompareTo(b.Purchased) is var c && c != 0 ? c : string.CompareOrdinal(a.OrderId, b.OrderId));
        return orders;
    }

    private static Instant At(string text) => Zone.AtLeniently(Timestamp.Parse(text).Value).ToInstant();

    private static IEnumerable<string[]> Rows(string directory, string file) =>
        File.ReadLines(Path.Combine(directory, file)).Skip(1).Select(SplitCsv);

    // Only the sellers' city column is ever quoted; a quoted field may hold commas.
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var inQuotes = false;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == ',' && !inQuotes))
            {
                fields.Add(line[start..i].Trim('"'));
                start = i + 1;
            }
            else if (line[i] == '"')
            {
                inQuotes = !inQuotes;
            }
        }

        return [.. fields];
    }

    private static string DataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "olist");
            if (File.Exists(Path.Combine(candidate, "olist_orders_dataset.csv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("data/olist not found above " + AppContext.BaseDirectory);
    }
}
