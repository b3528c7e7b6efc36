using MassTransit;
using SlaMonitor.Server.Ingest;
using SlaMonitor.Server.Ingest.Parked;

namespace SlaMonitor.Server.Hosting;

public static class MessagingExtensions
{
    public static MessagingSettings AddSlaMessaging(this WebApplicationBuilder builder, ServerRole role)
    {
        var settings = MessagingSettings.Read(builder.Configuration, role);
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<EventPublisher>();
        builder.Services.AddScoped<EventBulkWriter>();
        builder.Services.AddSingleton(IngestOptions.Read(builder.Configuration));
        builder.Services.AddScoped<ParkedEventExpiry>();
        // SQLite takes one writer at a time; parallel stripes would only queue on its lock.
        builder.Services.AddSingleton(sp => new IngestStripes(sp.GetRequiredService<PersistenceSettings>().IsServerDatabase ? 4 : 1));
        // Stopping waits for the bus (and a batch being consumed) before the container is disposed: a batch
        // delivered into a disposed container would fault to the error queue instead of going back to the queue.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.StopTimeout = TimeSpan.FromSeconds(30);
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Services.AddMassTransit(bus =>
        {
            if (role.RunsWorker)
            {
                bus.AddConsumer<RecordCarrierEventsConsumer, RecordCarrierEventsConsumerDefinition>();
            }

            if (settings.RabbitMq is { } rabbit)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
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
        return settings;
    }
}
