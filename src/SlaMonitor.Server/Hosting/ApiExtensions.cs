using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using Scalar.AspNetCore;
using SlaMonitor.Server.Audit;
using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Server.Ingest.Deliveries;
using SlaMonitor.Server.Ingest.Parked;
using SlaMonitor.Server.Ingest.Webhooks;
using SlaMonitor.Server.Promises;
using SlaMonitor.Server.Reports;

namespace SlaMonitor.Server.Hosting;

public static class ApiExtensions
{
    public static void AddSlaApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnavailableDependencyHandler>();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new SafeStringConverter());
            o.SerializerOptions.Converters.Add(new OffsetTimestampConverter());
        });
        builder.Services.AddSlaOpenApi();
        builder.AddSettings<WebhookOptions>(WebhookOptions.Section);
        builder.Services.AddScoped<PromiseProjector>();
        builder.Services.AddSingleton<PolicyVersionCache>();
        builder.Services.AddSingleton<LaneStatisticsStore>();
        builder.AddSettings<PredictionOptions>(PredictionOptions.Section);
        builder.Services.AddSingleton<CarrierDirectory>();
        builder.Services.AddSingleton<CarrierRates>();
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddSingleton<ReferencedConfiguration>();
        builder.Services.AddSingleton<StoredEventIds>();
        builder.Services.AddHostedService<DeliveryLogWriter>();
    }

    public static void MapSlaApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapSitesApi().MapReportsApi().MapPoliciesApi().MapCustomersApi().MapCarriersApi().MapCarrierWebhooks().MapDeliveriesApi().MapPromisesApi().MapCorrectionsApi().MapEscalationsApi().MapSilencesApi().MapParkedEventsApi().MapAuditApi();
        // Public: partners generate clients from it, and it holds no secrets.
        app.MapOpenApi();
        // Scalar's own bundle, served from its assembly, and no web fonts: the page loads nothing from a CDN.
        var reference = app.MapScalarApiReference(SecurityHeaders.ReferencePagePath, o => o.WithTitle("SlaMonitor API").DisableDefaultFonts());
        if (!app.Environment.IsDevelopment())
        {
            reference.RequireAuthorization(Roles.ReaderPolicy);
        }

        app.Lifetime.ApplicationStarted.Register(() => LogWhereToLook(app));
    }

    private static void LogWhereToLook(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            app.Logger.LogInformation("SlaMonitor is up: API reference at {Docs}, promises at {Promises}", $"{address}/docs", $"{address}/api/v1/promises");
        }
    }

    /// <summary>/health/live answers while the process runs; /health/ready checks the database and the broker.</summary>
    public static void MapSlaHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteReport,
        });
    }

    private static Task WriteReport(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
}
