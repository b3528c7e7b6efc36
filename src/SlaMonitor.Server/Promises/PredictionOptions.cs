using System.ComponentModel.DataAnnotations;
using NodaTime;

namespace SlaMonitor.Server.Promises;

/// <summary>Settings under <c>Prediction</c>: how the lane statistics learn from history (docs/prediction.md).</summary>
public sealed class PredictionOptions
{
    public const string Section = "Prediction";

    /// <summary>A promise teaches with weight 0.5^(time since it opened / this), so the estimates follow the current regime;
    /// 0 = every promise in the window counts fully. By opening, not closing: among promises opened together the slow
    /// ones close last, so a weight by closing time would favour them. The default, 30 days, was chosen on the Olist
    /// validate split.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00", ErrorMessage = "Prediction:RecencyHalfLife must be between 00:00:00 and 3650.00:00:00.")]
    public TimeSpan RecencyHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Open promises teach too, as right-censored samples ("this stage has already taken longer than …"), so a
    /// wave of slow promises shows before they close.</summary>
    public bool CountOpenPromises { get; set; } = true;

    /// <summary>The half-life for <see cref="RecencyWeight"/>; null = no decay.</summary>
    public Duration? HalfLife => RecencyHalfLife > TimeSpan.Zero ? Duration.FromTimeSpan(RecencyHalfLife) : null;
}
