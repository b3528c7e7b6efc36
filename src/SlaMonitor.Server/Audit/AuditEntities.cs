namespace SlaMonitor.Server.Audit;

/// <summary>What the audit log records changes of; the <c>entity</c> filter takes one of these.</summary>
public static class AuditEntities
{
    public const string Site = "site";
    public const string Policy = "policy";
    public const string Customer = "customer";
    public const string Carrier = "carrier";
    public const string Silence = "silence";
    public const string Escalation = "escalation";
    public const string Promise = "promise";

    public static readonly IReadOnlyList<string> All = [Site, Policy, Customer, Carrier, Silence, Escalation, Promise];
}
