namespace SlaMonitor.Server.Board;

/// <summary>
/// Where sign-in may send the browser back to: a path on this site, or "/". Browsers strip tabs and newlines from a URL
/// and read a backslash as a slash, so "/\t/evil.example" or "/\evil.example" would leave the site: such paths are refused
/// outright, as Url.IsLocalUrl does, and what remains must resolve against this origin to this origin (and pass the same
/// check once normalised).
/// </summary>
public static class ReturnPaths
{
    private static readonly Uri Origin = new("https://board.invalid/");

    public static string Local(string? returnUrl)
    {
        if (!IsLocalPath(returnUrl) || !Uri.TryCreate(Origin, returnUrl, out var target)
            || target.Scheme != Origin.Scheme || target.Authority != Origin.Authority)
        {
            return "/";
        }

        var normalised = target.PathAndQuery + target.Fragment;
        return IsLocalPath(normalised) ? normalised : "/";
    }

    private static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');
}
