using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Demo;

/// <summary>Settings under <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed demo configuration and post demo traffic; on in Development (appsettings.Development.json), off elsewhere.</summary>
    public bool Enabled { get; set; }

    [Range(0.1, 1000, ErrorMessage = "Demo:EventsPerSecond must be between 0.1 and 1000.")]
    public double EventsPerSecond { get; set; } = 2;

    [Range(1, 10_000, ErrorMessage = "Demo:OpenTickets must be between 1 and 10000.")]
    public int OpenTickets { get; set; } = 25;
}
