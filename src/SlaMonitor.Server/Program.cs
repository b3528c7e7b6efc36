using SlaMonitor.Server.Auth;
using SlaMonitor.Server.Board;
using SlaMonitor.Server.Common;
using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Demo;
using SlaMonitor.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
var role = builder.AddSettings<RoleOptions>(RoleOptions.Section).ToServerRole();
var persistence = builder.AddSlaPersistence();
builder.AddSlaMessaging(role);
var escalations = builder.AddSlaEscalations();
if (role.RunsWorker)
{
    builder.AddSlaScheduling(persistence, escalations);
}

builder.AddSlaEdge();
builder.AddSlaAuth();
builder.AddSlaBoard(role);
builder.AddSlaApi();
builder.AddSlaTelemetry();
builder.AddSlaDemo(role);

var app = builder.Build();
app.UseSlaEdge();
await app.PrepareDatabaseAsync(persistence);
await app.SeedDemoAsync();
await CarrierGrants.WarnAboutUngrantedAsync(app.Services, app.Logger);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHostileParameterGuard();
app.UseAuthentication();
app.UseAuthorization();
app.MapSlaHealth();
if (role.ServesApi)
{
    app.MapSlaApi();
    app.MapSlaBoard();
}

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
