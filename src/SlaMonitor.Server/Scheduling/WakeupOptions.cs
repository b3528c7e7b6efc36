using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Scheduling;

/// <summary>Settings under <c>Scheduling:Wakeups</c>.</summary>
public sealed class WakeupOptions
{
    public const string Section = "Scheduling:Wakeups";

    /// <summary>Longest sleep between looks at the database (picks up wake-ups written by other processes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Scheduling:Wakeups:MaxSleep must be between 00:00:00.010 and 00:01:00.")]
    public TimeSpan MaxSleep { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A claimed wake-up is moved this far ahead; a worker dying mid-way leaves it due again after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Scheduling:Wakeups:Lease must be between 00:00:01 and 01:00:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10000, ErrorMessage = "Scheduling:Wakeups:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>Wake-ups processed concurrently by one worker.</summary>
    [Range(1, 64, ErrorMessage = "Scheduling:Wakeups:Parallelism must be between 1 and 64.")]
    public int Parallelism { get; set; } = 2;
}
