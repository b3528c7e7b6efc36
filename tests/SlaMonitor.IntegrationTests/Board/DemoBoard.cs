namespace SlaMonitor.IntegrationTests.Board;

/// <summary>The board as a newcomer sees it after `dotnet run`: demo data and traffic on the real clock, a little faster.</summary>
public sealed class DemoBoard() : BoardHost("Development", new Dictionary<string, string?>
{
    ["Demo:Enabled"] = "true",
    ["Demo:EventsPerSecond"] = "20",
    ["Demo:OpenTickets"] = "40",
}, realClock: true);
