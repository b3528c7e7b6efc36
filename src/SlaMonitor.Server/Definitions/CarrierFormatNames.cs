namespace SlaMonitor.Server.Definitions;

/// <summary>The body formats a carrier may send its webhook in; the webhook has one reader per name.</summary>
public static class CarrierFormatNames
{
    public const string Canonical = "canonical";
    public const string EasyPost = "easypost";

    public static readonly IReadOnlyList<string> All = [Canonical, EasyPost];
}
