using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

public static class CustomersApi
{
    public sealed record CustomerView(string Code, string Name, IReadOnlyList<AccountManagerBody> AccountManagers, string? AlertWebhook);

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Admin: customers");
        group.MapPut("/{code}", PutCustomer).RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", ListCustomers).RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/{code}", GetCustomer).RequireAuthorization(Roles.ReaderPolicy);
        return api;
    }

    private static async Task<Results<Ok<CustomerView>, ProblemHttpResult>> PutCustomer(
        string code, CustomerBody body, SlaDbContext db, IClock clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Code("code", code);
        Validate(body, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var customer = await db.Customers.FindAsync([code], ct);
        if (customer is null)
        {
            customer = new Customer { Code = code, Name = "", AccountManagersJson = "[]" };
            db.Customers.Add(customer);
        }

        customer.Name = body.Name!;
        customer.AccountManagersJson = AdminJson.Serialize(body.AccountManagers ?? []);
        customer.AlertWebhook = body.AlertWebhook;
        customer.UpdatedAt = clock.GetCurrentInstant().ToDateTimeUtc();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToView(customer));
    }

    private static void Validate(CustomerBody body, ValidationErrors errors)
    {
        errors.Required("name", body.Name);
        for (var i = 0; i < (body.AccountManagers?.Count ?? 0); i++)
        {
            var manager = body.AccountManagers![i];
            errors.Required($"accountManagers[{i}].name", manager.Name);
            if (errors.Required($"accountManagers[{i}].email", manager.Email, 254) is { } email && !MailAddress.TryCreate(email, out _))
            {
                errors.Add($"accountManagers[{i}].email", $"'{email}' is not an email address.");
            }
        }

        if (body.AlertWebhook is { } hook)
        {
            errors.MaxLength("alertWebhook", hook, 2000);
            if (!Uri.TryCreate(hook, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add("alertWebhook", "must be an absolute http(s) URL.");
            }
        }
    }

    private static async Task<Ok<List<CustomerView>>> ListCustomers(SlaDbContext db, CancellationToken ct)
    {
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        return TypedResults.Ok(customers.Select(ToView).ToList());
    }

    private static async Task<Results<Ok<CustomerView>, NotFound>> GetCustomer(string code, SlaDbContext db, CancellationToken ct) =>
        await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) is { } customer
            ? TypedResults.Ok(ToView(customer))
            : TypedResults.NotFound();

    private static CustomerView ToView(Customer customer) =>
        new(customer.Code, customer.Name, AdminJson.Deserialize<List<AccountManagerBody>>(customer.AccountManagersJson), customer.AlertWebhook);
}
