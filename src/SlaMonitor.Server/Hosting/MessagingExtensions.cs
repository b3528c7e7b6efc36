using MassTransit;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Ingest;
using SlaMonitor.Server.Ingest.Parked;
using SlaMonitor.Server.Ingest.Partitions;

namespace SlaMonitor.Server.Hosting;

public static class MessagingExtensions
{
    private static readonly TimeSpan BusStopTimeout = TimeSpan.FromSeconds(30);

    public static MessagingOptions AddSlaMessaging(this WebApplicationBuilder builder, ServerRole role)
    {
        var settings = builder.AddSettings<MessagingOptions>(MessagingOptions.Section);
        if (settings.Transport == MessagingTransport.InMemory && !role.IsAll)
        {
            throw new SettingsException(
                "Messaging:Transport InMemory only works with --role all: api and worker processes must share a broker (use RabbitMq).");
        }

        builder.Services.AddScoped<EventPublisher>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<EventBulkWriter>();
        var ingest = builder.AddSettings<IngestOptions>(IngestOptions.Section);
        builder.Services.AddScoped<ParkedEventExpiry>();
        // SQLite takes one writer at a time; parallel stripes would only queue on its lock.
        builder.Services.AddScoped<IngestBatch>();
        builder.Services.AddSingleton(sp => new IngestStripes(
            sp.GetRequiredService<PersistenceOptions>().IsServerDatabase ? 4 : 1,
            ingest.Linger,
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<ILogger<IngestStripes>>()));
        // Stopping waits for the bus (and the batches being consumed) before the container is disposed: consumers
        // get ConsumerStopTimeout to finish, the whole bus StopTimeout, and the host longer than that, so it never
        // gives up on the bus and disposes the container under it.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.StopTimeout = BusStopTimeout;
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = BusStopTimeout + TimeSpan.FromSeconds(15));
        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = settings.UsageTelemetry);
            if (role.RunsWorker)
            {
                bus.AddConsumer<RecordCarrierEventsConsumer, RecordCarrierEventsConsumerDefinition>();
            }

            if (settings.Transport == MessagingTransport.RabbitMq)
            {
                var rabbit = settings.RabbitMq;
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        // 202 is only answered once the broker has confirmed every message.
                        h.PublisherConfirmation = true;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        BusHostedService.ReplaceIn(builder.Services);
        if (role.RunsWorker && settings.PartitionsIngest)
        {
            // After the bus's hosted service, so the bus starts before the first partition queue is connected. The
            // definition's own queue (record-carrier-events) stays consumed: it drains what an api of an earlier version
            // (or one configured with one partition) still sends there.
            builder.Services.AddSingleton<IngestPartitionOwner>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestPartitionOwner>());
        }

        return settings;
    }
}
