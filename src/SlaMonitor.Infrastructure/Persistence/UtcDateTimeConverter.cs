using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SlaMonitor.Infrastructure.Persistence;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toStore => toStore.Kind == DateTimeKind.Utc ? toStore : toStore.ToUniversalTime(),
    fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
