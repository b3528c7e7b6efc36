namespace SlaMonitor.Server.Reports;

/// <summary>A scorecard as CSV fields: the JSON's figures flattened, in the JSON's order.</summary>
public static class CarrierScorecardCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "carrier", "promises", "met", "missed", "cancelled", "onTime", "shipments", "pickupToDeliveredCount", "pickupToDeliveredMedian",
        "pickupToDeliveredP90", "customsHolds", "customsReleaseCount", "customsReleaseMedian", "customsReleaseP90", "scanGapP95", "exceptionsPer100",
        "delaysPer100", "events", "lateEventShare", "webhookRequests", "webhookRejected", "rejectionsPer1000", "previousPromises", "previousOnTime",
        "previousExceptionsPer100", "previousLateEventShare", "previousRejectionsPer1000", "promisesChange", "onTimeChange",
    ];

    public static async IAsyncEnumerable<IEnumerable<string?>> Rows(IEnumerable<CarrierScorecard> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
        {
            yield return [
                r.Carrier, N(r.Promises), N(r.Met), N(r.Missed), N(r.Cancelled), N(r.OnTime), N(r.Shipments), N(r.PickupToDelivered.Count),
                r.PickupToDelivered.Median, r.PickupToDelivered.P90, N(r.CustomsHolds), N(r.CustomsRelease.Count), r.CustomsRelease.Median,
                r.CustomsRelease.P90, r.ScanGapP95, N(r.ExceptionsPer100), N(r.DelaysPer100), N(r.Events), N(r.LateEventShare), N(r.WebhookRequests),
                N(r.WebhookRejected), N(r.RejectionsPer1000), N(r.Previous.Promises), N(r.Previous.OnTime), N(r.Previous.ExceptionsPer100),
                N(r.Previous.LateEventShare), N(r.Previous.RejectionsPer1000), N(r.PromisesChange), N(r.OnTimeChange),
            ];
        }

        await Task.CompletedTask;
    }

    private static string N(double? value) => ReportCsv.Number(value);
}
