using System.Text.RegularExpressions;

namespace SlaMonitor.Server.Tests.Support;

/// <summary>What a page asks the browser to load, read from its HTML and its scripts' imports.</summary>
public static partial class BoardPageFiles
{
    /// <summary>The src and href of scripts, styles, images and links, resolved against <paramref name="basePath"/>; anchors left out.</summary>
    public static IEnumerable<string> References(string html, string basePath = "/") =>
        Attributes().Matches(html).Select(m => m.Groups["url"].Value)
            .Where(url => !url.StartsWith('#') && !IsExternal(url))
            .Select(url => url.StartsWith('/') ? url : basePath + url)
            .Distinct();

    /// <summary>References to another origin (absolute or protocol-relative URLs).</summary>
    public static IEnumerable<string> ExternalReferences(string html) =>
        Attributes().Matches(html).Select(m => m.Groups["url"].Value).Where(IsExternal);

    /// <summary>The modules a script imports, as paths next to <paramref name="scriptPath"/>.</summary>
    public static IEnumerable<string> Imports(string script, string scriptPath)
    {
        var folder = scriptPath[..(scriptPath.LastIndexOf('/') + 1)];
        return Import().Matches(script).Select(m => m.Groups["path"].Value)
            .Select(path => path.StartsWith("./", StringComparison.Ordinal) ? folder + path[2..] : path);
    }

    /// <summary>Script elements without src (inline script), style elements, style and on… attributes: what the policy blocks.</summary>
    public static IEnumerable<string> InlineCode(string html) =>
        InlineScript().Matches(html).Concat(StyleElement().Matches(html)).Concat(InlineAttribute().Matches(html)).Select(m => m.Value);

    private static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";

    [GeneratedRegex("""<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Attributes();

    [GeneratedRegex("""^\s*import\b[^'"]*['"](?<path>\.?/[^'"]+)['"]""", RegexOptions.Multiline)]
    private static partial Regex Import();

    [GeneratedRegex("""<script\b(?![^>]*\bsrc\s*=)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("""<style\b""", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex("""<[a-z][^>]*\s(?:style|on[a-z]+)\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAttribute();
}
