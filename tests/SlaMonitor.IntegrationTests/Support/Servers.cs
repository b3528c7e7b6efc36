using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

[assembly: AssemblyFixture(typeof(SlaMonitor.IntegrationTests.Support.Servers))]

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// One PostgreSQL and one RabbitMQ for the whole run. Taken from SLAMONITOR_TEST_POSTGRES /
/// SLAMONITOR_TEST_RABBITMQ when set (./test.sh starts private servers and sets them), else started
/// by Testcontainers from pinned images. Without either the run fails: these tests are never skipped.
/// Tests share the servers, not state: each makes its own database and queue prefix.
/// </summary>
public sealed class Servers : IAsyncLifetime
{
    public const string PostgresVariable = "SLAMONITOR_TEST_POSTGRES";
    public const string RabbitMqVariable = "SLAMONITOR_TEST_RABBITMQ";
    public const string PostgresImage = "postgres:15.13";
    public const string RabbitMqImage = "rabbitmq:3.13.7";

    private PostgreSqlContainer? _postgres;
    private RabbitMqContainer? _rabbitMq;

    /// <summary>Npgsql connection string of a superuser on a maintenance database; tests create their own databases from it.</summary>
    public string PostgresAdmin { get; private set; } = "";

    public RabbitMqServer RabbitMq { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbitMq = Environment.GetEnvironmentVariable(RabbitMqVariable);
        try
        {
            var postgresStart = string.IsNullOrEmpty(postgres) ? StartPostgresAsync() : Task.FromResult(postgres);
            var rabbitMqStart = string.IsNullOrEmpty(rabbitMq) ? StartRabbitMqAsync() : Task.FromResult(rabbitMq);
            PostgresAdmin = await postgresStart;
            RabbitMq = RabbitMqServer.Parse(await rabbitMqStart);
        }
        catch (DockerUnavailableException e)
        {
            throw new InvalidOperationException(
                $"The integration tests need a real PostgreSQL and RabbitMQ. Run ./test.sh (it starts private servers from the "
                + $"distribution's packages and sets {PostgresVariable} / {RabbitMqVariable}), set those variables yourself, "
                + $"or start a Docker engine for Testcontainers. Docker: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_rabbitMq is not null)
        {
            await _rabbitMq.DisposeAsync();
        }
    }

    private async Task<string> StartPostgresAsync()
    {
        _postgres = new PostgreSqlBuilder(PostgresImage).WithUsername("slamonitor").WithPassword("slamonitor").Build();
        await _postgres.StartAsync();
        return _postgres.GetConnectionString();
    }

    private async Task<string> StartRabbitMqAsync()
    {
        _rabbitMq = new RabbitMqBuilder(RabbitMqImage).Build();
        await _rabbitMq.StartAsync();
        return _rabbitMq.GetConnectionString();
    }
}
