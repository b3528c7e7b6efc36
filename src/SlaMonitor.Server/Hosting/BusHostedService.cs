using MassTransit;
using Microsoft.Extensions.Options;

namespace SlaMonitor.Server.Hosting;

/// <summary>
/// MassTransit's hosted service, except that the bus is stopped once and every StopAsync (and DisposeAsync)
/// waits for that one stop to finish. MassTransit's own service returns at once from a second StopAsync: when a
/// host is stopped twice at the same time (WebApplicationFactory's StopAsync next to the app's own
/// <c>app.Run()</c>, dotnet/aspnetcore#40271), the second caller went on to dispose the container while the
/// first was still draining ingest batches, and every batch still to come failed in the disposed container (issue 5).
/// </summary>
/// <remarks>
/// A subclass that re-implements the two interfaces, so that it can be registered as a
/// <see cref="MassTransitHostedService"/>: AddMassTransitTestHarness then finds it and adds no second one.
/// </remarks>
public sealed class BusHostedService(IBusDepot depot, IOptions<MassTransitHostOptions> options)
    : MassTransitHostedService(depot, options), IHostedService, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task? _stop;

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => StopOnce(cancellationToken);

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await StopOnce(CancellationToken.None);
        await DisposeAsync();
    }

    /// <summary>Puts this service where AddMassTransit registered MassTransit's, so the start and stop order stay.</summary>
    public static void ReplaceIn(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var index = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MassTransitHostedService));
        if (index < 0)
        {
            throw new InvalidOperationException("AddMassTransit registered no MassTransitHostedService to replace.");
        }

        services[index] = ServiceDescriptor.Singleton<IHostedService, MassTransitHostedService>(
            sp => ActivatorUtilities.CreateInstance<BusHostedService>(sp));
    }

    private Task StopOnce(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stop ??= StopAsync(cancellationToken);
        }
    }
}
