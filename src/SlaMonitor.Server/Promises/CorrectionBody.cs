namespace SlaMonitor.Server.Promises;

/// <summary><c>{ "action": "close" | "reopen" | "moveDeadline", "at"?, "deadline"?, "reason" }</c>.</summary>
public sealed record CorrectionBody
{
    public string? Action { get; init; }

    /// <summary>close: when the promise was in fact fulfilled (default: now).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>moveDeadline: the new deadline.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public string? Reason { get; init; }
}
