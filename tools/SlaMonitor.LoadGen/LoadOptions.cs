using System.Globalization;

namespace SlaMonitor.LoadGen;

/// <summary>Command-line settings: <c>--name value</c> pairs, each with a default.</summary>
internal sealed record LoadOptions(
    Uri Server, string AdminKey, string Carrier, string Secret, string Postgres, Uri RabbitMq, string OlistFolder,
    int Seconds, int BatchSize, int Concurrency, int LatencyRate, int WarmUpSeconds, double DuplicateShare, IReadOnlyList<string> Phases,
    int BreachesPerSecond, int AlertPort, int SoakSeconds, IReadOnlyList<int> ServerPids)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string key, string fallback) => values.GetValueOrDefault(key, fallback);
        int Number(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        // In the order given; a phase may repeat (paced,hanging,paced,hanging alternates the two so drift hits both).
        var phases = Get("phases", "batched,single,paced").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        if (phases.Count == 0 || phases.Except(["batched", "single", "paced", "hanging", "soak"]).Any() && phases is not ["seed"])
        {
            throw new ArgumentException($"--phases takes a comma-separated list of batched, single, paced, hanging, soak (or seed alone), not '{Get("phases", "")}'.");
        }

        if (phases.Contains("hanging") && (Number("breaches", 0) <= 0 || Number("alert-port", 0) <= 0))
        {
            throw new ArgumentException("--phases hanging needs --breaches (breaching tickets a second) and --alert-port (the server must list 127.0.0.1:port in Notifications:Webhook:AllowedTargets).");
        }

        return new LoadOptions(
            new Uri(Get("server", "http://localhost:5080")),
            Get("admin-key", "dev-admin-key"),
            Get("carrier", "LOADGEN"),
            Get("secret", "loadgen-secret-0000000001"),
            Get("postgres", "Host=127.0.0.1;Port=5432;Username=slamonitor;Password=slamonitor;Database=slamonitor"),
            new Uri(Get("rabbitmq", "amqp://guest:guest@127.0.0.1:5672/")),
            Get("olist", "data/olist"),
            Number("seconds", 60),
            Number("batch", 1000),
            Number("concurrency", 8),
            Number("latency-rate", 1000),
            Number("warm-up", 0),
            double.Parse(Get("duplicates", "0.05"), CultureInfo.InvariantCulture),
            phases,
            Number("breaches", 0),
            Number("alert-port", 0),
            Number("soak-seconds", 600),
            [.. Get("server-pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]);
    }
}
