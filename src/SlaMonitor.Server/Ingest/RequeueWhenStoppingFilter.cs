using MassTransit;

namespace SlaMonitor.Server.Ingest;

/// <summary>
/// In the error pipe: a message that failed only because the worker is shutting down (its container is
/// already disposed) is not moved to the error queue; the failure propagates, so the broker requeues it
/// for the next worker. Every other failure takes the usual way (fault, error queue).
/// </summary>
public sealed class RequeueWhenStoppingFilter : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.Exception.GetBaseException() is ObjectDisposedException
            ? Task.FromException(context.Exception)
            : next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("requeueWhenStopping");
}
