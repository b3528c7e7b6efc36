using System.ComponentModel.DataAnnotations;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Common;

/// <summary>Settings under <c>Persistence</c>: the database.</summary>
public sealed class PersistenceOptions : IValidatableObject
{
    public const string Section = "Persistence";

    [EnumDataType(typeof(PersistenceProvider), ErrorMessage = "Persistence:Provider must be Sqlite, Postgres or SqlServer.")]
    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>Required for the server databases; SQLite defaults to <c>data/slamonitor.db</c> under the content root.</summary>
    public string ConnectionString { get; set; } = "";

    public bool MigrateOnStartup { get; set; } = true;

    public bool IsServerDatabase => Provider != PersistenceProvider.Sqlite;

    /// <summary>SQLite without a connection string: <c>data/slamonitor.db</c> under <paramref name="contentRoot"/> (the folder is created).</summary>
    public void DefaultSqliteFile(string contentRoot)
    {
        if (Provider != PersistenceProvider.Sqlite || !string.IsNullOrWhiteSpace(ConnectionString))
        {
            return;
        }

        var dataFolder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(dataFolder);
        ConnectionString = $"Data Source={Path.Combine(dataFolder, "slamonitor.db")}";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsServerDatabase && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"Persistence:ConnectionString is required when Persistence:Provider is {Provider}.", [nameof(ConnectionString)]);
        }
    }
}
