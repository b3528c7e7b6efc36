namespace SlaMonitor.Infrastructure.Persistence;

public enum PersistenceProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
