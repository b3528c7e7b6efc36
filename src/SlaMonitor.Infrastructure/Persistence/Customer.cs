namespace SlaMonitor.Infrastructure.Persistence;

public sealed class Customer
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>Account managers as JSON: [{ "name", "email" }].</summary>
    public required string AccountManagersJson { get; set; }

    public string? AlertWebhook { get; set; }
    public DateTime UpdatedAt { get; set; }
}
