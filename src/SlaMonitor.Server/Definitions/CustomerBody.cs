namespace SlaMonitor.Server.Definitions;

public sealed record CustomerBody
{
    public string? Name { get; init; }
    public IReadOnlyList<AccountManagerBody>? AccountManagers { get; init; }
    public string? AlertWebhook { get; init; }
}
