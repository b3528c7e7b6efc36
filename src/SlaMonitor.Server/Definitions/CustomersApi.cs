using System.Security.Claims;
using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Definitions;

public static class CustomersApi
{
    /// <summary>Alert secrets are write-only: views only say whether there are any.</summary>
    public sealed record CustomerView(
        string Code, string Name, IReadOnlyList<AccountManagerBody> AccountManagers, string? AlertWebhook, bool HasAlertSecret, bool HasPreviousAlertSecret);

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Admin: customers");
        group.MapPut("/{code}", PutCustomer).WithName("putCustomer")
            .WithSummary("Create or replace a customer: name, account managers, alert webhook and its secret (the previous secret keeps signing until retired).").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", ListCustomers).WithName("listCustomers").WithSummary("Customers; account managers see only their own.").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/{code}", GetCustomer).WithName("getCustomer").WithSummary("One customer.").RequireAuthorization(Roles.ReaderPolicy);
        group.MapDelete("/{code}/previous-alert-secret", RetirePreviousAlertSecret).WithName("retirePreviousAlertSecret").RequireAuthorization(Roles.AdminPolicy)
            .WithSummary("Retire the alert secret that was replaced by the last PUT; until then alerts carry a signature with each.");
        return api;
    }

    private static async Task<Results<Ok<CustomerView>, ProblemHttpResult>> PutCustomer(
        string code, CustomerBody body, SlaDbContext db, ClaimsPrincipal user, IClock clock, AlertTargetPolicy targets, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Code("code", code);
        var customer = errors.Any ? null : await db.Customers.FindAsync([code], ct);
        Validate(body, targets, errors);
        if (body.AlertWebhook is not null && body.AlertSecret is null && customer?.AlertSecret is null)
        {
            errors.Add("alertSecret", "is required with alertWebhook: at least 16 characters, to sign the alerts (write-only).");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var before = AuditJson.Of(customer);
        if (customer is null)
        {
            customer = new Customer { Code = code, Name = "", AccountManagersJson = "[]" };
            db.Customers.Add(customer);
        }

        customer.Name = body.Name!;
        customer.AccountManagersJson = AdminJson.Serialize(body.AccountManagers ?? []);
        customer.AlertWebhook = body.AlertWebhook;
        if (body.AlertSecret is { } secret)
        {
            if (customer.AlertSecret is { } current && current != secret)
            {
                customer.PreviousAlertSecret = current;
            }

            customer.AlertSecret = secret;
        }

        var now = clock.GetCurrentInstant();
        customer.UpdatedAt = now.ToDateTimeUtc();
        AuditTrail.Add(db, user, now, AuditEntities.Customer, code, "put", before, customer);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToView(customer));
    }

    private static void Validate(CustomerBody body, AlertTargetPolicy targets, ValidationErrors errors)
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

            if (manager.TimeZone is not null)
            {
                errors.TimeZone($"accountManagers[{i}].timeZone", manager.TimeZone);
            }
        }

        if (body.AlertWebhook is { } hook)
        {
            errors.MaxLength("alertWebhook", hook, 2000);
            var refused = Uri.TryCreate(hook, UriKind.Absolute, out var uri) ? targets.RefuseUrl(uri) : "must be an absolute http(s) URL.";
            if (refused is not null)
            {
                errors.Add("alertWebhook", refused);
            }
        }

        if (body.AlertSecret is { } secret)
        {
            errors.MaxLength("alertSecret", secret, 512);
            if (string.IsNullOrWhiteSpace(secret) || secret.Length < 16)
            {
                errors.Add("alertSecret", "must be at least 16 characters.");
            }
        }
    }

    private static async Task<Ok<List<CustomerView>>> ListCustomers(SlaDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var customers = await CustomerScope.Of(user).Filter(db.Customers.AsNoTracking(), c => c.Code).OrderBy(c => c.Code).ToListAsync(ct);
        return TypedResults.Ok(customers.Select(ToView).ToList());
    }

    private static async Task<Results<Ok<CustomerView>, NotFound>> GetCustomer(string code, SlaDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        await CustomerScope.Of(user).Filter(db.Customers.AsNoTracking(), c => c.Code).FirstOrDefaultAsync(c => c.Code == code, ct) is { } customer
            ? TypedResults.Ok(ToView(customer))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RetirePreviousAlertSecret(
        string code, SlaDbContext db, ClaimsPrincipal user, IClock clock, CancellationToken ct)
    {
        var customer = await db.Customers.FindAsync([code], ct);
        if (customer is null)
        {
            return TypedResults.NotFound();
        }

        var before = AuditJson.Of(customer);
        customer.PreviousAlertSecret = null;
        AuditTrail.Add(db, user, clock.GetCurrentInstant(), AuditEntities.Customer, code, "retirePreviousAlertSecret", before, customer);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static CustomerView ToView(Customer customer) =>
        new(customer.Code, customer.Name, AdminJson.Deserialize<List<AccountManagerBody>>(customer.AccountManagersJson), customer.AlertWebhook,
            customer.AlertSecret is not null, customer.PreviousAlertSecret is not null);
}
