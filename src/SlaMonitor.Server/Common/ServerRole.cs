namespace SlaMonitor.Server.Common;

/// <summary>What this process does: `api` serves HTTP and publishes, `worker` consumes and runs jobs.</summary>
public sealed record ServerRole(bool ServesApi, bool RunsWorker)
{
    public static ServerRole Parse(string? value) => (value ?? "all").Trim().ToUpperInvariant() switch
    {
        "ALL" => new ServerRole(ServesApi: true, RunsWorker: true),
        "API" => new ServerRole(ServesApi: true, RunsWorker: false),
        "WORKER" => new ServerRole(ServesApi: false, RunsWorker: true),
        _ => throw new SettingsException(
            $"Role (--role) must be 'api', 'worker' or 'all', not '{value}'."),
    };

    public bool IsAll => ServesApi && RunsWorker;
}
