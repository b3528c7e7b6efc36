namespace SlaMonitor.Infrastructure.Persistence;

/// <summary>One attempt to tell someone: an email, one webhook try, or a message inhibited by its incident.</summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public Guid? EscalationId { get; set; }
    public Guid? IncidentId { get; set; }

    /// <summary>email or webhook; alert for an alert muted or dropped as a whole.</summary>
    public required string Channel { get; set; }

    public required string Target { get; set; }
    public int Attempt { get; set; }

    /// <summary>sent, failed, inhibited, silenced (muted by a silence) or dropped (muted, then not worth sending).</summary>
    public required string Result { get; set; }

    public int? StatusCode { get; set; }
    public string? Detail { get; set; }
    public DateTime At { get; set; }
}
