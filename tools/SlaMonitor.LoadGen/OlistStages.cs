using System.Globalization;

namespace SlaMonitor.LoadGen;

/// <summary>Real stage durations from Olist orders: purchase → handed to carrier → delivered.</summary>
internal static class OlistStages
{
    public static List<(TimeSpan Pickup, TimeSpan Transit)> Read(string folder)
    {
        var stages = new List<(TimeSpan, TimeSpan)>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "olist_orders_dataset.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length >= 7 && Parse(f[3]) is { } bought && Parse(f[5]) is { } handed && Parse(f[6]) is { } delivered
                && handed > bought && delivered > handed)
            {
                stages.Add((handed - bought, delivered - handed));
            }
        }

        return stages.Count > 0 ? stages : throw new InvalidOperationException($"No usable orders in {folder}.");
    }

    private static DateTime? Parse(string text) =>
        DateTime.TryParse(text.Trim('"'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
