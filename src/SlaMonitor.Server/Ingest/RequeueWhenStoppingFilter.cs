using MassTransit;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// In the error pipe: a message that failed because its worker is stopping is neither moved to the error queue
/// nor reported as a fault; the failure propagates, so the message goes back to the queue (a requeueing negative
/// acknowledgement, or the broker's own requeue when the channel closes) and the next worker takes it. That is
/// always safe here: storing and re-deriving are idempotent. Every other failure takes the usual way (fault, error queue).
/// </summary>
/// <param name="stopping">Cancelled once the worker starts stopping (the host's ApplicationStopping).</param>
public sealed class RequeueWhenStoppingFilter(CancellationToken stopping) : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsStopping(context.Exception, stopping) ? Task.FromException(context.Exception) : next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("requeueWhenStopping");

    /// <summary>
    /// True while the worker stops, and for the failures stopping causes even when it is not this worker's
    /// (a container or connection already disposed, a consume cancelled by the transport).
    /// </summary>
    public static bool IsStopping(Exception exception, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return stopping.IsCancellationRequested || exception.GetBaseException() is ObjectDisposedException or OperationCanceledException;
    }
}
