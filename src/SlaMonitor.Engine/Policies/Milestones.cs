namespace SlaMonitor.Engine;

/// <summary>Event codes that can fulfil a policy (<see cref="SlaPolicy.FulfilledBy"/>).</summary>
public static class Milestones
{
    public const string Delivered = "DELIVERED";
    public const string TechnicianOnsite = "TECHNICIAN_ONSITE";
    public const string Resolved = "RESOLVED";
}
