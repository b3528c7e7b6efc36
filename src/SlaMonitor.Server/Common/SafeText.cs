namespace SlaMonitor.Server.Common;

/// <summary>
/// The text rule every input shares: no C0 control character and no DEL, because none belongs in data and PostgreSQL's
/// text cannot even hold NUL (SQLite can, so the embedded default would store what production refuses). Tab, line
/// feed and carriage return only where a text may span lines (notes, reasons given by people).
/// </summary>
public static class SafeText
{
    public const string Refusal = "must not contain control characters (NUL, escape, …).";

    public static bool HasControl(string? text, bool lineBreaksAllowed = false)
    {
        foreach (var c in text ?? "")
        {
            if ((c < ' ' || c == '\u007f') && !(lineBreaksAllowed && c is '\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }
}
