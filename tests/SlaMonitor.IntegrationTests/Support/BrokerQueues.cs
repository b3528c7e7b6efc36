using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>Looks into the broker's queues directly (not through MassTransit): what a queue holds, and why a message faulted.</summary>
public sealed class BrokerQueues(RabbitMqServer rabbit)
{
    /// <summary>Messages ready in the queue and consumers on it; (0, 0) if the queue was never declared.</summary>
    public async Task<(uint Messages, uint Consumers)> CountAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue);
            return (ok.MessageCount, ok.ConsumerCount);
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return (0, 0);
        }
    }

    /// <summary>
    /// The fault headers MassTransit wrote on the messages of an error queue (exception type and message), up to
    /// <paramref name="limit"/> of them; the messages are left in the queue.
    /// </summary>
    public async Task<IReadOnlyList<string>> FaultsAsync(string errorQueue, int limit = 5)
    {
        var faults = new List<string>();
        if ((await CountAsync(errorQueue)).Messages == 0)
        {
            return faults;
        }

        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        for (var i = 0; i < limit; i++)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false);
            if (message is null)
            {
                break;
            }

            var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
            faults.Add($"{Header(headers, "MT-Fault-ExceptionType")}: {Header(headers, "MT-Fault-Message")}\n{Header(headers, "MT-Fault-StackTrace")}");
        }

        return faults; // not acknowledged: closing the channel puts them back
    }

    private static string Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            _ => value?.ToString() ?? "",
        } : "";

    private Task<IConnection> ConnectAsync() => new ConnectionFactory
    {
        HostName = rabbit.Host,
        Port = rabbit.Port,
        VirtualHost = rabbit.VirtualHost,
        UserName = rabbit.Username,
        Password = rabbit.Password,
    }.CreateConnectionAsync();
}
