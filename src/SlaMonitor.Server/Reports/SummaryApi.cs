using System.Security.Claims;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>GET /reports/summary: the executive summary, JSON or CSV.</summary>
public static class SummaryApi
{
    public static RouteGroupBuilder MapSummaryReport(this RouteGroupBuilder reports)
    {
        reports.MapGet("/summary", Summary).WithName("GetSummaryReport").WithSummary(
            "Executive summary over [from, to) (from, to, tz as for attainment): one score per customer, 0–100, with its parts and their figures "
            + "(attainment of the promises closed in the range; breaches prevented and median time to acknowledge of the escalations opened in it; "
            + "open breaches at to, or now if earlier) and its trend against the previous period of equal length; the three worst lanes (carrier, "
            + "destination region, service level; at least 5 met + missed) by attainment; the three most common reasons for escalations in words. "
            + SummaryScoreText + " Filter: customer. Account managers see only their customers (another customer: 404). CSV (one row per customer) "
            + "with format=csv or Accept: text/csv.")
            .Produces<SummaryReport>(StatusCodes.Status200OK, "application/json", ReportFormat.CsvType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound);
        return reports;
    }

    private static string SummaryScoreText => char.ToUpperInvariant(SummaryScore.Formula[0]) + SummaryScore.Formula[1..];

    private static async Task<IResult> Summary(
        SlaDbContext db, IClock clock, ClaimsPrincipal user, HttpRequest http, CancellationToken ct,
        string? from = null, string? to = null, string? tz = null, string? customer = null, string? format = null)
    {
        var errors = new ValidationErrors();
        var range = ReportRange.Read(errors, from, to, tz);
        errors.MaxLength("customer", customer, SlaDbContext.RefLength);
        var csv = ReportFormat.WantsCsv(errors, http, format);
        if (errors.Any || range is null || csv is null)
        {
            return errors.ToProblem();
        }

        var scope = CustomerScope.Of(user);
        if (customer is not null && !scope.Allows(customer))
        {
            return TypedResults.NotFound();
        }

        var report = await SummaryQuery.RunAsync(db, range, new AttainmentFilter(customer, VisibleCustomers: scope.CustomerList), clock.GetCurrentInstant(), ct);
        return csv.Value
            ? ReportCsv.Stream("summary.csv", SummaryCsv.Header, SummaryCsv.Rows(report.Customers))
            : TypedResults.Ok(report);
    }
}
