namespace SlaMonitor.Engine.Tests.Olist;

public class CalibrationTests
{
    [Fact]
    public void Expected_calibration_error_is_the_count_weighted_gap_between_predicted_and_observed_per_bin()
    {
        var calibration = new Calibration();
        // Bin [0.2, 0.3): predicted 0.25 four times, 1 of 4 late (gap 0). Bin [0.9, 1.0): predicted 0.95 twice, 1 of 2 late (gap 0.45).
        foreach (var late in new[] { true, false, false, false })
        {
            calibration.Add(0.25, late);
        }

        calibration.Add(0.95, true);
        calibration.Add(0.95, false);

        Assert.Equal(2 * 0.45 / 6, calibration.ExpectedCalibrationError, 9);
    }
}
