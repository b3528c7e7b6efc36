using System.Security.Claims;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>
/// <c>GET /reports/carriers</c>: a scorecard per carrier over the promises closed in [from, to), with the previous period
/// of equal length. Account managers get the figures of their customers' promises only, without the webhook figures
/// (the delivery log is not theirs to read).
/// </summary>
public static class CarrierScorecardsApi
{
    public static RouteGroupBuilder MapCarrierScorecards(this RouteGroupBuilder reports)
    {
        reports.MapGet("/carriers", Carriers).WithName("getCarrierScorecards").WithSummary(
            "A scorecard per carrier (and customs broker) over the promises closed in [from, to) (ISO dates are midnight in tz, an IANA zone, default UTC; "
            + "or instants with an offset): promises carried (Promise.carrier, the carrier of its shipment events), met, missed, cancelled, onTime = met / "
            + "(met + missed), pickup → delivered and customs hold → release (count, median, p90), p95 gap between consecutive shipment scans, exceptions "
            + "and delays per 100 shipments, share of events received over 15 minutes after they occurred, webhook rejections per 1,000 requests "
            + "(delivery log, and its daily roll-up once the log's retention deleted the rows), and the previous period of equal length with the changes. "
            + "Account managers see their customers' promises only and no webhook figures. CSV with format=csv or Accept: text/csv.")
            .Produces<CarrierScorecardReport>(StatusCodes.Status200OK, "application/json", ReportFormat.CsvType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden);
        return reports;
    }

    private static async Task<IResult> Carriers(
        SlaDbContext db, ClaimsPrincipal user, HttpRequest http, CancellationToken ct, string? from = null, string? to = null, string? tz = null,
        string? format = null)
    {
        var errors = new ValidationErrors();
        var range = ReportRange.Read(errors, from, to, tz);
        var csv = ReportFormat.WantsCsv(errors, http, format);
        if (errors.Any || range is null || csv is null)
        {
            return errors.ToProblem();
        }

        var rows = await Scorecards.RunAsync(db, range, CustomerScope.Of(user).CustomerList, ct);
        if (csv.Value)
        {
            return ReportCsv.Stream("carriers.csv", CarrierScorecardCsv.Header, CarrierScorecardCsv.Rows(rows));
        }

        var previousFrom = range.From - (range.To - range.From);
        return TypedResults.Ok(new CarrierScorecardReport(
            At(range.From, range), At(range.To, range), range.Zone.Id, At(previousFrom, range), At(range.From, range), rows));
    }

    private static DateTimeOffset At(NodaTime.Instant instant, ReportRange range) => instant.InZone(range.Zone).ToDateTimeOffset();
}
