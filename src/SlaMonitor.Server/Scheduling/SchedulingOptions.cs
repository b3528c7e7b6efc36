using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Scheduling;

/// <summary>Settings under <c>Scheduling</c> (the wake-up timer's are <see cref="WakeupOptions"/>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Interval of the catch-up job behind the wake-up timer.</summary>
    [Range(1, 3600, ErrorMessage = "Scheduling:EvaluateEverySeconds must be between 1 and 3600.")]
    public int EvaluateEverySeconds { get; set; } = 60;

    /// <summary>
    /// Quartz scheduler name. Quartz keeps schedulers in a process-wide registry by name: hosts sharing one process
    /// (tests) need distinct names; clustered workers in separate processes share one.
    /// </summary>
    public string InstanceName { get; set; } = "SlaMonitor";
}
