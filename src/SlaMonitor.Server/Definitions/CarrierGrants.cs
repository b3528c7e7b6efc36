using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

/// <summary>
/// Which customers' promises a carrier may report on (<c>PUT /carriers/{code}</c> <c>"customers"</c>): codes, or
/// <c>["*"]</c> for all. An event of a carrier for a promise of a customer it is not granted changes nothing.
/// </summary>
public static class CarrierGrants
{
    public const string All = "*";

    public static IReadOnlyList<string> Of(Carrier carrier)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        return carrier.CustomersJson is null ? [All] : AdminJson.Deserialize<List<string>>(carrier.CustomersJson);
    }

    public static bool Allows(Carrier carrier, string customer) => Allows(Of(carrier), customer);

    public static bool Allows(IReadOnlyList<string> grants, string customer)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return grants.Contains(All) || grants.Contains(customer);
    }

    public static string Refusal(string carrier, string customer) => $"carrier {carrier} is not granted customer {customer}";

    /// <summary>
    /// Carriers stored before grants existed report on every customer until an admin says otherwise; each start names
    /// them, because that is what any carrier could do before.
    /// </summary>
    public static async Task WarnAboutUngrantedAsync(IServiceProvider services, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        List<string> codes;
        try
        {
            codes = await scope.ServiceProvider.GetRequiredService<SlaDbContext>().Carriers.AsNoTracking()
                .Where(c => c.CustomersJson == null).Select(c => c.Code).OrderBy(c => c).ToListAsync();
        }
        catch (Exception e) when (UnavailableDependencyHandler.IsUnavailable(e))
        {
            // The API starts without its database (and answers 503 until it is back); the check waits for the next start.
            logger.LogWarning("Could not check which carriers are granted customers: {Reason}", e.GetBaseException().Message);
            return;
        }
        if (codes.Count > 0)
        {
            logger.LogWarning(
                "Carriers {Carriers} were stored before carriers were granted customers: they report on every customer "
                + "(customers [\"*\"]) until PUT /api/v1/carriers/{{code}} names their customers", string.Join(", ", codes));
        }
    }

    /// <summary>The request's <c>customers</c>: required, codes or exactly <c>["*"]</c>.</summary>
    public static void Validate(IReadOnlyList<string>? customers, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (customers is null || customers.Count == 0)
        {
            errors.Add("customers", "is required: the customers whose promises this carrier reports on, or [\"*\"] for all.");
            return;
        }

        if (customers.Contains(All) && customers.Count > 1)
        {
            errors.Add("customers", "is either [\"*\"] or a list of customer codes, not both.");
        }

        for (var i = 0; i < customers.Count; i++)
        {
            if (customers[i] != All)
            {
                errors.Code($"customers[{i}]", customers[i]);
            }
        }
    }
}
