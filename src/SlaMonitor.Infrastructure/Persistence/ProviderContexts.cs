using Microsoft.EntityFrameworkCore;

namespace SlaMonitor.Infrastructure.Persistence;

public sealed class SqliteSlaDbContext(DbContextOptions<SqliteSlaDbContext> options) : SlaDbContext(options);

public sealed class PostgresSlaDbContext(DbContextOptions<PostgresSlaDbContext> options) : SlaDbContext(options);

public sealed class SqlServerSlaDbContext(DbContextOptions<SqlServerSlaDbContext> options) : SlaDbContext(options);
