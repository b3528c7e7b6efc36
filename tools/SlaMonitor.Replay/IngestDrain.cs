using MassTransit;
using SlaMonitor.Contracts;

namespace SlaMonitor.Replay;

/// <summary>
/// Counts the ingest messages sent to the bus and those consumed (stored and evaluated by their stripe: the consumer
/// finishes only then), so the replay can wait until the bus and the ingest stripes are drained.
/// </summary>
public sealed class IngestDrain : ISendObserver, IConsumeMessageObserver<RecordCarrierEvents>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly Lock _gate = new();
    private long _sent;
    private long _consumed;
    private long _faults;
    private TaskCompletionSource _progress = NewSignal();

    public long Faults => Interlocked.Read(ref _faults);

    public static IngestDrain ConnectTo(IBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var drain = new IngestDrain();
        bus.ConnectSendObserver(drain);
        bus.ConnectConsumeMessageObserver(drain);
        return drain;
    }

    /// <summary>Completes once every ingest message sent so far has been consumed.</summary>
    public async Task WaitAsync()
    {
        while (true)
        {
            Task progress;
            lock (_gate)
            {
                if (_consumed >= _sent)
                {
                    return;
                }

                progress = _progress.Task;
            }

            try
            {
                await progress.WaitAsync(Patience);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"The ingest consumer finished {_consumed} of {_sent} messages and made no progress for {Patience}.", e);
            }
        }
    }

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        if (context?.Message is RecordCarrierEvents)
        {
            lock (_gate)
            {
                _sent++;
            }
        }

        return Task.CompletedTask;
    }

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PreConsume(ConsumeContext<RecordCarrierEvents> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<RecordCarrierEvents> context)
    {
        Progress();
        return Task.CompletedTask;
    }

    /// <summary>A fault is retried by the consumer's definition; the retry's success counts it as consumed.</summary>
    public Task ConsumeFault(ConsumeContext<RecordCarrierEvents> context, Exception exception)
    {
        Interlocked.Increment(ref _faults);
        return Task.CompletedTask;
    }

    private void Progress()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            _consumed++;
            done = _progress;
            _progress = NewSignal();
        }

        done.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
