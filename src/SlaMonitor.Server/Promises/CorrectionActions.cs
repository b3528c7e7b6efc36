namespace SlaMonitor.Server.Promises;

/// <summary>The corrections a person can make to a promise, as stored and as the API names them.</summary>
public static class CorrectionActions
{
    public const string Void = "void";
    public const string Close = "close";
    public const string Reopen = "reopen";
    public const string MoveDeadline = "moveDeadline";

    /// <summary>What <c>POST /promises/{ticketRef}/corrections</c> takes (voiding has its own endpoint, on the event).</summary>
    public static readonly IReadOnlyList<string> OnPromise = [Close, Reopen, MoveDeadline];
}
