namespace SlaMonitor.Replay;

/// <summary>report.json. Everything but <see cref="Timing"/> is the same on every run over the same input and options.</summary>
public sealed record ReplayReport
{
    public required ReportWindows Windows { get; init; }
    public required int Events { get; init; }
    public required IReadOnlyList<BadRow> BadRows { get; init; }
    public required int Promises { get; init; }
    public required IReadOnlyDictionary<string, int> StatusCounts { get; init; }
    public required int Late { get; init; }
    public required int Warned { get; init; }
    public required int WarnedLate { get; init; }
    public required double Recall { get; init; }
    public required double Precision { get; init; }
    public double? MedianLeadHours { get; init; }
    public double? P25LeadHours { get; init; }

    /// <summary>Mean (probability − outcome)² over every (open scored promise, tick) look.</summary>
    public double? Brier { get; init; }

    /// <summary>Expected calibration error over the same looks, ten equal-width bins.</summary>
    public double? Ece { get; init; }

    public required int Looks { get; init; }
    public required IReadOnlyList<CalibrationBin> Calibration { get; init; }
    public required IReadOnlyList<LeadBucket> LeadHistogram { get; init; }
    public required IReadOnlyDictionary<string, WarningScore> Baselines { get; init; }
    public required IReadOnlyList<ThresholdRow> Thresholds { get; init; }
    public ThresholdRow? ChosenThreshold { get; init; }
    public required ReportTiming Timing { get; init; }
}

public sealed record ReportWindows(string? TrainUntil, string? ScoreFrom, string? ScoreUntil, string Every, string RebuildEvery);

public sealed record LeadBucket(double FromHours, double ToHours, int Count);

public sealed record ReportTiming(double WallSeconds, double EventsPerSecond);
