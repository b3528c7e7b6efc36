using System.Threading.Channels;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Ingest.Deliveries;

/// <summary>
/// Webhook outcomes on their way to the delivery log. The webhook only enqueues, so logging never
/// slows or fails a request; <see cref="DeliveryLogWriter"/> writes them in batches. When the writer
/// falls far behind, the oldest entries are dropped and counted rather than holding memory.
/// </summary>
public sealed class DeliveryLog
{
    public const int Capacity = 50_000;
    private long _dropped;

    private readonly Channel<WebhookDelivery> _pending = Channel.CreateBounded<WebhookDelivery>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<WebhookDelivery> Pending => _pending.Reader;

    public void Record(WebhookDelivery delivery)
    {
        if (_pending.Reader.Count >= Capacity)
        {
            Interlocked.Increment(ref _dropped);
        }

        _pending.Writer.TryWrite(delivery);
    }
}
