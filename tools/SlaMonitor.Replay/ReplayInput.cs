using System.Text.Json.Nodes;
using CsvHelper;
using NodaTime.Text;

namespace SlaMonitor.Replay;

/// <summary>
/// The input folder: <c>config.json</c> (<c>{ "sites": {code: body}, "policies": {…}, "customers": {…}, "carriers": {…} }</c>,
/// the admin API's own bodies) and <c>events.csv</c> (one canonical event per row, nested fields flattened with dots, and a
/// <c>carrier</c> column naming the sender). Events come sorted by occurredAt, then by line.
/// </summary>
public sealed record ReplayInput(JsonObject Config, IReadOnlyList<InputEvent> Events, IReadOnlyList<BadRow> BadRows)
{
    public const string CarrierColumn = "carrier";

    public static ReplayInput Load(string folder)
    {
        var configPath = Path.Combine(folder, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath)) as JsonObject
            ?? throw new InvalidDataException($"{configPath} must hold a JSON object.");
        var carriers = (config["carriers"] as JsonObject)?.Select(c => c.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var events = new List<InputEvent>();
        var bad = new List<BadRow>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = r => bad.Add(new BadRow((int)r.LineNumber, $"malformed CSV ({r.Reason}).")),
        };
        using var csv = CsvReader.FromFile(Path.Combine(folder, "events.csv"), options);
        var header = csv.Headers.ToArray();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray();
            if (Parse(header, fields, line, carriers, out var problem) is { } parsed)
            {
                events.Add(parsed);
            }
            else
            {
                bad.Add(new BadRow(line, problem!));
            }
        }

        events.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt) is var c and not 0 ? c : a.Line.CompareTo(b.Line));
        return new ReplayInput(config, events, bad);
    }

    private static InputEvent? Parse(string[] header, string[] fields, int line, HashSet<string> carriers, out string? problem)
    {
        problem = null;
        if (fields.Length != header.Length)
        {
            problem = $"{fields.Length} fields where the header has {header.Length}.";
            return null;
        }

        var body = new JsonObject();
        string? carrier = null;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == CarrierColumn)
            {
                carrier = fields[i];
            }
            else if (fields[i].Length > 0)
            {
                Set(body, header[i].Split('.'), fields[i]);
            }
        }

        if (string.IsNullOrEmpty(carrier) || !carriers.Contains(carrier))
        {
            problem = $"carrier: '{carrier}' is not a carrier of config.json.";
            return null;
        }

        var occurredAt = (string?)body["occurredAt"];
        var parsed = occurredAt is null ? null : OffsetDateTimePattern.ExtendedIso.Parse(occurredAt);
        if (parsed is not { Success: true })
        {
            problem = $"occurredAt: '{occurredAt}' is not an ISO 8601 timestamp with an offset.";
            return null;
        }

        return new InputEvent(line, carrier, parsed.Value.ToInstant(), body);
    }

    private static void Set(JsonObject body, string[] path, string value)
    {
        var target = body;
        foreach (var name in path[..^1])
        {
            if (target[name] is not JsonObject child)
            {
                child = [];
                target[name] = child;
            }

            target = child;
        }

        target[path[^1]] = value;
    }
}
