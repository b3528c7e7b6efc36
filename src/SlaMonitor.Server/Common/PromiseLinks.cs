namespace SlaMonitor.Server.Common;

/// <summary>The one place a promise's board address is made: the board serves the page, alerts link to it.</summary>
public static class PromiseLinks
{
    /// <summary>The board's route of a promise page.</summary>
    public const string PageRoute = "/promise/{ticketRef}";

    public static string Path(string ticketRef) => "/promise/" + Uri.EscapeDataString(ticketRef);

    /// <summary>The absolute address under the configured board URL (<c>Escalations:BoardUrl</c>).</summary>
    public static string For(string boardUrl, string ticketRef)
    {
        ArgumentNullException.ThrowIfNull(boardUrl);
        return boardUrl.TrimEnd('/') + Path(ticketRef);
    }
}
