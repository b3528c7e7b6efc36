using Microsoft.Extensions.Options;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest;
using SlaMonitor.Server.Ingest.Deliveries;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>The services the carrier webhook works with, bound by minimal APIs' <c>[AsParameters]</c>.</summary>
public sealed record Ingesting(
    SlaDbContext Db,
    IClock Clock,
    IOptions<WebhookOptions> Limits,
    CarrierDirectory Carriers,
    CarrierRates Rates,
    FailedAuthentications Failures,
    ReferencedConfiguration Configuration,
    StoredEventIds StoredEventIds,
    EventPublisher Publisher,
    DeliveryLog Log);
