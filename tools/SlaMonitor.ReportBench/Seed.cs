using NodaTime;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.ReportBench;

/// <summary>Closed promises as the projector leaves them, spread evenly over 52 weeks; 90 % met, 8 % missed, 2 % cancelled.</summary>
internal static class Seed
{
    private const int Chunk = 100_000;
    private static readonly string[] Regions = ["EU", "NA", "SA", "APAC"];
    private static readonly string[] Levels = ["4H-ONSITE", "NBD", "8H-PARTS"];

    public static async Task LoadAsync(SlaDbContext db, int count, Instant start)
    {
        for (var s = 0; s < 8; s++)
        {
            db.Sites.Add(new Site { Code = $"SITE-{s}", Name = $"Site {s}", Region = Regions[s % Regions.Length], TimeZone = "Europe/Berlin", CalendarJson = "{}" });
        }

        await db.SaveChangesAsync();
        var random = new Random(18);
        var span = Duration.FromDays(364).TotalSeconds;
        for (var first = 0; first < count; first += Chunk)
        {
            var rows = new List<Promise>(Chunk);
            for (var i = first; i < Math.Min(count, first + Chunk); i++)
            {
                var closed = start + Duration.FromSeconds((long)(random.NextDouble() * span));
                var roll = random.Next(100);
                var status = roll < 90 ? "MET" : roll < 98 ? "MISSED" : "CANCELLED";
                var margin = status == "MET" ? random.Next(0, 8 * 3600) : -random.Next(1, 4 * 3600);
                var paused = random.Next(10) == 0 ? random.Next(600, 7200) : 0;
                rows.Add(new Promise
                {
                    TicketRef = $"B-{i:D8}",
                    CustomerCode = $"CUST-{random.Next(50):D2}",
                    SiteCode = $"SITE-{random.Next(8)}",
                    ServiceLevel = Levels[random.Next(Levels.Length)],
                    CarrierCode = $"CARRIER-{random.Next(5)}",
                    PolicyVersion = 1,
                    Status = status,
                    OpenedAt = (closed - Duration.FromHours(6)).ToDateTimeUtc(),
                    Deadline = (closed + Duration.FromSeconds(margin)).ToDateTimeUtc(),
                    ClosedAt = closed.ToDateTimeUtc(),
                    MarginSeconds = status == "CANCELLED" ? null : margin,
                    LostCustomerSeconds = paused,
                    PausedSeconds = paused,
                    ReasonsJson = "[]",
                    UpdatedAt = closed.ToDateTimeUtc(),
                });
            }

            await BulkInsert.AllOrNoneAsync(db, rows, CancellationToken.None);
        }
    }
}
