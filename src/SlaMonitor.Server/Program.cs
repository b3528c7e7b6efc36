using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Board;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Demo;
using SlaMonitor.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
var role = ServerRole.Parse(builder.Configuration[ServerRole.ConfigKey]);
var persistence = builder.AddSlaPersistence();
builder.AddSlaMessaging(role);
if (role.RunsWorker)
{
    builder.AddSlaScheduling(persistence);
}

builder.AddSlaAuth();
builder.AddSlaBoard(role);
builder.AddSlaApi();
builder.AddSlaEscalations();
builder.AddSlaTelemetry();
builder.AddSlaDemo(role);

var app = builder.Build();
await app.PrepareDatabaseAsync(persistence);
await app.SeedDemoAsync();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapSlaHealth();
if (role.ServesApi)
{
    app.MapSlaApi();
    app.MapSlaBoard();
}

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
