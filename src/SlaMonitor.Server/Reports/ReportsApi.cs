using System.Security.Claims;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Reports;

/// <summary>Reports over the promises closed in [from, to): JSON, or CSV (<c>format=csv</c> / <c>Accept: text/csv</c>).</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/attainment", Attainment).WithName("GetAttainmentReport").WithSummary(
            "Attainment of the promises closed in [from, to) (ISO dates are midnight in tz, an IANA zone, default UTC; or instants with an offset), "
            + "grouped by groupBy (comma-separated: customer, region, carrier, serviceLevel, site, and one of day, week (ISO), month in tz): met, missed, "
            + "cancelled, attainment = met / (met + missed), paused time by blame category, median of deadline − closedAt. Filters: customer, carrier, "
            + "region, serviceLevel, site. Account managers see only their customers (another customer: 404). CSV with format=csv or Accept: text/csv.")
            .Produces<AttainmentReport>(StatusCodes.Status200OK, "application/json", ReportFormat.CsvType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound);
        group.MapCarrierScorecards();
        group.MapSummaryReport();
        return api;
    }

    private static async Task<IResult> Attainment(
        SlaDbContext db, ClaimsPrincipal user, HttpRequest http, CancellationToken ct, string? from = null, string? to = null, string? tz = null,
        string? groupBy = null, string? customer = null, string? carrier = null, string? region = null, string? serviceLevel = null,
        string? site = null, string? format = null)
    {
        var errors = new ValidationErrors();
        var range = ReportRange.Read(errors, from, to, tz);
        var (dimensions, period) = ReadGroupBy(errors, groupBy);
        foreach (var (field, value) in new[] { ("customer", customer), ("carrier", carrier), ("region", region), ("serviceLevel", serviceLevel), ("site", site) })
        {
            errors.MaxLength(field, value, SlaDbContext.RefLength);
        }

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

        var request = new AttainmentRequest(range, dimensions, period, new AttainmentFilter(customer, carrier, region, serviceLevel, site, scope.CustomerList));
        var rows = AttainmentQuery.RunAsync(db, request, ct);
        var names = dimensions.Concat(period == ReportPeriod.None ? [] : [ReportDimensions.Name(period)]).ToList();
        if (csv.Value)
        {
            return ReportCsv.Stream("attainment.csv", [.. names, .. AttainmentCsv.Header], AttainmentCsv.Rows(names, rows));
        }

        var list = new List<AttainmentRow>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return TypedResults.Ok(new AttainmentReport(
            range.From.InZone(range.Zone).ToDateTimeOffset(), range.To.InZone(range.Zone).ToDateTimeOffset(), range.Zone.Id, names, list));
    }

    private static (IReadOnlyList<string> Dimensions, ReportPeriod Period) ReadGroupBy(ValidationErrors errors, string? groupBy)
    {
        var names = groupBy?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        var dimensions = names.Where(ReportDimensions.All.Contains).ToList();
        var periods = names.Where(ReportDimensions.Periods.ContainsKey).Select(n => ReportDimensions.Periods[n]).ToList();
        if (names.Any(n => !ReportDimensions.All.Contains(n) && !ReportDimensions.Periods.ContainsKey(n)))
        {
            errors.Add("groupBy", $"must be a comma-separated list of {string.Join(", ", ReportDimensions.All.Concat(ReportDimensions.Periods.Keys))}.");
        }
        else if (names.Distinct(StringComparer.Ordinal).Count() != names.Length || periods.Count > 1)
        {
            errors.Add("groupBy", "must name each dimension at most once and at most one of day, week, month.");
        }

        return (dimensions, periods.FirstOrDefault());
    }
}
