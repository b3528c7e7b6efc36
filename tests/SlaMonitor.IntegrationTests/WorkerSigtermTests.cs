using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// Issue 15: a worker process stopped with SIGTERM while its alert is stuck on endpoints that never answer exits within
/// the configured shutdown timeout, hands the alert back, and a worker started later delivers it: nothing is lost by the
/// stop. docs/reliability.md.
/// </summary>
public sealed class WorkerSigtermTests(Servers servers, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    /// <summary>HostOptions.ShutdownTimeout as Hosting/MessagingExtensions sets it: the bus StopTimeout (30 s) + 15 s.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_worker_stopped_with_sigterm_while_its_alert_endpoints_hang_exits_within_the_shutdown_timeout_and_the_alert_is_delivered_by_the_next_worker()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var receiver = await AlertReceiver.StartAsync();
        await using var hangingMail = HangingEndpoint.Start();
        await using var hangingHook = HangingEndpoint.Start();
        var prefix = SlaHost.NewEndpointPrefix();
        var settings = Escalating.Settings(new Dictionary<string, string?> { ["Notifications:Webhook:AllowedTargets:1"] = hangingHook.Target }, receiver);
        await using var api = new SlaHost(servers, database, prefix, role: "api", settings: settings);
        using var client = api.Admin();
        await Escalating.ConfigureAsync(client, hangingHook.Url);
        var policy = TestSetup.PolicyBody();
        policy["escalation"] = new JsonArray(new JsonObject { ["level"] = 1, ["notify"] = "accountManager", ["after"] = "PT0M" });
        await Escalating.PutAsync(client, $"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        var logFile = Path.Combine(Path.GetTempPath(), $"slamonitor-workersigterm-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        var ticket = PromisesApi.NewTicketRef();

        TimeSpan stoppedAfter;
        await using (var first = await WorkerProcess.StartAsync(WorkerSettings(database, prefix, settings, hangingMail.Host, hangingMail.Port), logFile))
        {
            await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, Webhook.Now() - Escalating.OpenedAgo));
            await Eventually.UntilAsync(
                () => AlertAsync(database), a => a?.State == AlertStates.Sending && hangingMail.Connections > 0,
                "the alert to be in flight on the hanging mail server", TimeSpan.FromSeconds(60));

            stoppedAfter = await first.StopAsync(ShutdownTimeout + TimeSpan.FromSeconds(30));
            Assert.True(first.HasExited, $"the worker did not exit within {ShutdownTimeout + TimeSpan.FromSeconds(30)} of SIGTERM; see {logFile}");
        }

        Assert.True(stoppedAfter < ShutdownTimeout, $"SIGTERM took {stoppedAfter} to stop the worker, not within the shutdown timeout {ShutdownTimeout}");
        var handedBack = await AlertAsync(database);
        Assert.NotNull(handedBack);
        Assert.Equal((AlertStates.Pending, (Guid?)null, 1), (handedBack.State, handedBack.Claim, handedBack.Attempts));
        Assert.True(handedBack.NextAttemptAt <= DateTime.UtcNow, "a handed-back alert is due at once");
        Assert.Empty(receiver.Requests);
        Assert.Empty(smtp.Messages());

        // The customer's endpoint and the mail server are back; the next worker delivers the alert under the same id.
        var customer = TestSetup.CustomerBody();
        customer["alertWebhook"] = receiver.Url.ToString();
        customer["alertSecret"] = Escalating.AlertSecret;
        await Escalating.PutAsync(client, $"/api/v1/customers/{TestSetup.Customer}", customer);
        await using (var second = await WorkerProcess.StartAsync(WorkerSettings(database, prefix, settings, smtp.Host, smtp.Port), logFile))
        {
            await Eventually.UntilAsync(() => AlertAsync(database), a => a?.State == AlertStates.Sent, "the handed-back alert to be sent by the next worker");
        }

        var mail = Assert.Single(smtp.Messages());
        Assert.StartsWith($"{handedBack.Id:N}.", mail.MessageId, StringComparison.Ordinal);
        Assert.Equal(Escalating.AccountManager, Assert.Single(mail.To.Mailboxes).Address);
        var hook = JsonDocument.Parse(Assert.Single(receiver.Requests).Body).RootElement;
        Assert.Equal((handedBack.Id, ticket), (hook.GetProperty("alertId").GetGuid(), hook.GetProperty("ticketRef").GetString()));
        TestContext.Current.SendDiagnosticMessage($"SIGTERM with the alert hanging on the mail server: the worker exited after {stoppedAfter.TotalSeconds:0.0} s (shutdown timeout {ShutdownTimeout.TotalSeconds:0} s)");
        await File.WriteAllTextAsync(Path.ChangeExtension(logFile, ".summary.txt"), $"SIGTERM: exited after {stoppedAfter.TotalSeconds:0.0} s of {ShutdownTimeout.TotalSeconds:0} s; alert handed back and delivered by the next worker");
    }

    private Dictionary<string, string?> WorkerSettings(
        TestDatabase database, string prefix, Dictionary<string, string?> shared, string smtpHost, int smtpPort)
    {
        var settings = WorkerProcess.BaseSettings(servers, database, prefix, "it-worker-sigterm");
        foreach (var (key, value) in shared)
        {
            settings[key] = value;
        }

        settings["Notifications:Smtp:Host"] = smtpHost;
        settings["Notifications:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        settings["Notifications:Smtp:Security"] = "None";
        // Longer than the shutdown timeout: only the stop can end the wait on the hanging webhook.
        settings["Notifications:Webhook:Timeout"] = "00:05:00";
        settings["Notifications:Alerts:PollEvery"] = "00:00:00.200";
        return settings;
    }

    private static async Task<Alert?> AlertAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.Alerts.AsNoTracking().SingleOrDefaultAsync();
    }
}
