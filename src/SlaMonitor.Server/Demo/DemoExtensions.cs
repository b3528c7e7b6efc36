using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Demo;

public static class DemoExtensions
{
    public static void AddSlaDemo(this WebApplicationBuilder builder, ServerRole role)
    {
        var demo = builder.AddSettings<DemoOptions>(DemoOptions.Section);
        if (role.ServesApi && demo.Enabled)
        {
            builder.Services.AddHttpClient(DemoTrafficGenerator.HttpClientName);
            builder.Services.AddHostedService<DemoTrafficGenerator>();
        }
    }

    /// <summary>Adds whatever demo configuration is missing; never overwrites an administrator's changes.</summary>
    public static async Task SeedDemoAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant().ToDateTimeUtc();
        foreach (var site in DemoData.Sites.Where(s => !db.Sites.Any(x => x.Code == s.Code)))
        {
            db.Sites.Add(new Site
            {
                Code = site.Code, Name = site.Body.Name!, Region = site.Body.Region!, TimeZone = site.Body.TimeZone!,
                CalendarJson = AdminJson.Serialize(site.Body.Calendar), UpdatedAt = now,
            });
        }

        foreach (var (level, policy) in DemoData.Policies.Where(p => !db.Policies.Any(x => x.ServiceLevel == p.Key)))
        {
            db.Policies.Add(new PolicyVersion { ServiceLevel = level, Version = 1, DefinitionJson = AdminJson.Serialize(policy), CreatedAt = now });
        }

        foreach (var (code, customer) in DemoData.Customers.Where(c => !db.Customers.Any(x => x.Code == c.Key)))
        {
            db.Customers.Add(new Customer
            {
                Code = code, Name = customer.Name!, AccountManagersJson = AdminJson.Serialize(customer.AccountManagers), UpdatedAt = now,
            });
        }

        foreach (var carrier in DemoData.Carriers.Where(c => !db.Carriers.Any(x => x.Code == c.Code)))
        {
            db.Carriers.Add(new Carrier { Code = carrier.Code, Name = carrier.Name, Secret = carrier.Secret, Format = "canonical", CustomersJson = "[\"*\"]", UpdatedAt = now });
        }

        await db.SaveChangesAsync();
    }
}
