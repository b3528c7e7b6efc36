using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Notifications;

/// <summary>Settings under <c>Notifications:Alerts</c>: how queued alerts are delivered and retried.</summary>
public sealed class AlertDeliveryOptions
{
    public const string Section = "Notifications:Alerts";

    /// <summary>Tries before an alert is given up as failed (14 with the default back-off: about 16 hours).</summary>
    [Range(1, 100, ErrorMessage = "Notifications:Alerts:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 14;

    /// <summary>Wait after the first failed try; doubled after each further one up to <see cref="RetryCap"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Notifications:Alerts:FirstRetry must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Notifications:Alerts:RetryCap must be between 00:00:00.010 and 1.00:00:00.")]
    public TimeSpan RetryCap { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A claimed alert is another worker's again after this, if its sender died mid-way.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Notifications:Alerts:Lease must be between 00:00:10 and 01:00:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Destinations (customers) served at once; each destination's alerts go one after another.</summary>
    [Range(1, 256, ErrorMessage = "Notifications:Alerts:Parallelism must be between 1 and 256.")]
    public int Parallelism { get; set; } = 16;

    /// <summary>Longest wait between looks for alerts queued by other processes (this process's rings at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Notifications:Alerts:PollEvery must be between 00:00:00.010 and 00:01:00.")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before try number <paramref name="failedTries"/> + 1.</summary>
    public TimeSpan RetryAfter(int failedTries) =>
        TimeSpan.FromTicks(Math.Min(RetryCap.Ticks, FirstRetry.Ticks * (long)Math.Pow(2, Math.Min(failedTries - 1, 30))));
}
