using MassTransit;
using SlaMonitor.Contracts;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// Hands each ingest message to its stripe and finishes once the batch that carried it is stored and
/// evaluated (<see cref="IngestStripes"/>); the broker acknowledges the message only then.
/// </summary>
public sealed class RecordCarrierEventsConsumer(IngestStripes stripes) : IConsumer<RecordCarrierEvents>
{
    public Task Consume(ConsumeContext<RecordCarrierEvents> context) => stripes.ApplyAsync(context.Message);
}
