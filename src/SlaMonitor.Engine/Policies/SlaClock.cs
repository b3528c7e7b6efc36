namespace SlaMonitor.Engine;

public enum SlaClock
{
    /// <summary>24x7 wall time.</summary>
    Elapsed,

    /// <summary>Business hours of the destination site's calendar.</summary>
    Business,
}
