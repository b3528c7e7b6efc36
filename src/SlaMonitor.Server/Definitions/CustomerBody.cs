namespace SlaMonitor.Server.Definitions;

public sealed record CustomerBody
{
    public string? Name { get; init; }
    public IReadOnlyList<AccountManagerBody>? AccountManagers { get; init; }
    public string? AlertWebhook { get; init; }

    /// <summary>Signs the alerts posted to <see cref="AlertWebhook"/>; write-only, kept when left out.</summary>
    public string? AlertSecret { get; init; }
}
