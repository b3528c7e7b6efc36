using System.Diagnostics;
using RabbitMQ.Client;

namespace SlaMonitor.LoadGen;

/// <summary>
/// The raw publish ceiling of the broker: persistent messages of an ingest message's size to a
/// durable queue, publisher confirms on, many publishes in flight — what no webhook can beat.
/// </summary>
internal static class BrokerCeiling
{
    public static async Task<double> MeasureAsync(Uri broker, TimeSpan duration, int messageBytes, int inFlight)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = $"loadgen-ceiling-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        var body = new byte[messageBytes];
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        long published = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await channel.BasicPublishAsync("", queue, mandatory: false, properties, body);
                Interlocked.Increment(ref published);
            }
        }));
        var rate = published / clock.Elapsed.TotalSeconds;
        await channel.QueueDeleteAsync(queue);
        return rate;
    }
}
