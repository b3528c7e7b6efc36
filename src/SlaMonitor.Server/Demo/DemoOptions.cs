using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed demo configuration and post demo traffic; on in Development (appsettings.Development.json), off elsewhere.</summary>
    public bool Enabled { get; set; }

    [Range(0.1, 1000)]
    public double EventsPerSecond { get; set; } = 2;

    [Range(1, 10_000)]
    public int OpenTickets { get; set; } = 25;
}
