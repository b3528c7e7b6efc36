using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SlaMonitor.Server.Hosting;
using SlaMonitor.Server.Ingest;
using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests;

/// <summary>
/// How a worker stops (issue 5): the bus is stopped once and every stop of the host waits for it, and a batch
/// failing because the worker stops goes back to the queue. The whole path, on RabbitMQ and PostgreSQL, is
/// BulkIngestTests' worker-stopped-mid-stream test.
/// </summary>
public sealed class WorkerStopTests
{
    [Fact]
    public async Task A_second_stop_of_the_host_waits_for_the_bus_stop_the_first_one_started()
    {
        var depot = new HeldDepot();
        IHostedService service = new BusHostedService(depot, Options.Create(new MassTransitHostOptions()));

        var first = service.StopAsync(CancellationToken.None);
        var second = service.StopAsync(CancellationToken.None);

        Assert.False(second.IsCompleted, "the second stop returned while the bus was still stopping");
        depot.Stopped.SetResult();
        await Task.WhenAll(first, second);
        await ((IAsyncDisposable)service).DisposeAsync();
        Assert.Equal(1, depot.Stops);
    }

    [Fact]
    public async Task The_app_has_one_bus_hosted_service_and_it_is_the_one_that_stops_once()
    {
        await using var app = new SlaApp();
        await using var harnessed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddMassTransitTestHarness()));

        foreach (var services in new[] { app.Services, harnessed.Services })
        {
            var bus = Assert.Single(services.GetServices<IHostedService>().OfType<MassTransitHostedService>());
            Assert.IsType<BusHostedService>(bus);
        }
    }

    [Theory]
    [InlineData("ObjectDisposedException", false, true)]
    [InlineData("OperationCanceledException", false, true)]
    [InlineData("InvalidOperationException", true, true)]
    [InlineData("InvalidOperationException", false, false)]
    public void A_failure_is_requeued_when_the_worker_stops_or_stopping_caused_it(string exception, bool stopping, bool requeued)
    {
        Exception failure = exception switch
        {
            "ObjectDisposedException" => new InvalidOperationException("wrapped", new ObjectDisposedException("IServiceProvider")),
            "OperationCanceledException" => new OperationCanceledException(),
            _ => new InvalidOperationException("a poison message"),
        };

        Assert.Equal(requeued, RequeueWhenStoppingFilter.IsStopping(failure, new CancellationToken(stopping)));
    }

    /// <summary>A bus depot whose stop takes until the test says it is done.</summary>
    private sealed class HeldDepot : IBusDepot
    {
        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Stops { get; private set; }

        public Task Start(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task Stop(CancellationToken cancellationToken)
        {
            Stops++;
            return Stopped.Task;
        }
    }
}
