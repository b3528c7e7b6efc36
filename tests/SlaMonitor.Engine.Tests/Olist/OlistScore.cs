using System.Globalization;
using NodaTime;

namespace SlaMonitor.Engine.Tests.Olist;

/// <summary>Warning quality over the evaluated orders: a warning is AT_RISK at some evaluation before the deadline.</summary>
public sealed record OlistScore(int Orders, int Late, int FlaggedLate, int FlaggedOnTime, Duration MedianLead, Calibration Calibration)
{
    public double Recall => Late == 0 ? 0 : (double)FlaggedLate / Late;

    public double Precision => FlaggedLate + FlaggedOnTime == 0 ? 0 : (double)FlaggedLate / (FlaggedLate + FlaggedOnTime);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"orders {Orders}, late {Late}, flagged late {FlaggedLate}, flagged on time {FlaggedOnTime}, " +
        $"recall {Recall:P1}, precision {Precision:P1}, median lead {MedianLead.TotalHours:F1} h, " +
        $"ECE {Calibration.ExpectedCalibrationError:F3} over {Calibration.Count} evaluations: {Calibration}");
}
