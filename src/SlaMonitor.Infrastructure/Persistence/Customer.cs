namespace SlaMonitor.Infrastructure.Persistence;

public sealed class Customer
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>Account managers as JSON: [{ "name", "email" }].</summary>
    public required string AccountManagersJson { get; set; }

    public string? AlertWebhook { get; set; }

    /// <summary>HMAC secret signing the alerts posted to <see cref="AlertWebhook"/>; kept readable because every alert is signed with it.</summary>
    public string? AlertSecret { get; set; }

    /// <summary>The alert secret before the last change; alerts carry a signature with each until it is retired.</summary>
    public string? PreviousAlertSecret { get; set; }

    public DateTime UpdatedAt { get; set; }
}
