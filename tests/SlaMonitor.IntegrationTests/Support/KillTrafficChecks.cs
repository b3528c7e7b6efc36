using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SlaMonitor.Engine;
using SlaMonitor.Server.Escalations;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>Setting up, draining and checking a run of <see cref="KillTraffic"/>: the fault tests share them.</summary>
public static class KillTrafficChecks
{
    /// <summary>The site, the on-track carrier and one carrier per breaching ticket, the customer with its account manager and alert webhook, and a ladder reaching the account managers one minute after opening.</summary>
    public static async Task ConfigureAsync(HttpClient admin, Uri alertWebhook, int breachCarriers)
    {
        await Escalating.ConfigureAsync(admin, alertWebhook);
        var policy = TestSetup.PolicyBody();
        policy["escalation"] = new JsonArray(
            new JsonObject { ["level"] = 1, ["notify"] = "board", ["after"] = "PT0M" },
            new JsonObject { ["level"] = 2, ["notify"] = "accountManager", ["after"] = "PT1M" });
        await Escalating.PutAsync(admin, $"/api/v1/policies/{TestSetup.ServiceLevel}", policy);
        for (var i = 0; i < breachCarriers; i++)
        {
            await Escalating.PutAsync(admin, $"/api/v1/carriers/{KillTraffic.BreachCarrier(i)}", TestSetup.CarrierBody());
        }
    }

    /// <summary>Until every distinct event is stored, every escalation reached the account managers, every alert is sent and the outbox is empty.</summary>
    public static async Task DrainAsync(TestDatabase database, KillTraffic traffic, TimeSpan deadline)
    {
        await Eventually.UntilAsync(
            () => database.CountAsync("SELECT COUNT(*) FROM \"Events\""),
            n => n >= traffic.Events.Count,
            $"all {traffic.Events.Count} distinct events to be stored",
            deadline);
        await Eventually.UntilAsync(
            () => database.CountAsync("SELECT COUNT(*) FROM \"Escalations\" WHERE \"Level\" = 2"),
            n => n >= traffic.Breaching.Count,
            $"all {traffic.Breaching.Count} escalations to reach the account managers",
            deadline);
        await Eventually.UntilAsync(
            () => database.CountAsync(
                "SELECT (SELECT COUNT(*) FROM \"Alerts\" WHERE \"State\" <> 'sent') + (SELECT COUNT(*) FROM \"Outbox\") "
                + $"+ (SELECT {traffic.Breaching.Count} - COUNT(*) FROM \"Alerts\")"),
            n => n == 0,
            "every alert sent and the outbox empty",
            deadline);
    }

    /// <summary>
    /// Every accepted event stored once; every promise equal to its fold (no promise closes in this traffic, so every
    /// worker predicted with empty lane statistics); one escalation per breaching ticket, at level 2, with one sent
    /// account-manager alert. Returns the alert id of each escalation.
    /// </summary>
    public static async Task<Dictionary<Guid, Guid>> AssertStoredOnceFoldedAndEscalatedAsync(TestDatabase database, KillTraffic traffic, TimeSpan deadline)
    {
        await using var db = database.Context();
        var stored = await db.Events.AsNoTracking().Select(e => new { e.CarrierCode, e.EventId }).ToListAsync();
        Assert.Equal(traffic.Events.Count, stored.Count);
        Assert.True(traffic.Events.SetEquals(stored.Select(e => (e.CarrierCode, e.EventId))), "the stored (carrier, eventId) are exactly the distinct ones posted");

        Assert.Equal(0, await db.Promises.CountAsync(p => p.ClosedAt != null));
        var mismatches = await Eventually.UntilAsync(
            () => FoldCheck.MismatchesAsync(database, traffic.Tickets, LaneStatistics.Empty),
            m => m.Count == 0, $"all {traffic.Tickets.Count} promises to equal the fold of their events", deadline);
        Assert.Empty(mismatches);

        var escalations = await db.Escalations.AsNoTracking().ToListAsync();
        Assert.Equal(traffic.Breaching.Order(StringComparer.Ordinal), escalations.Select(e => e.TicketRef).Order(StringComparer.Ordinal));
        Assert.All(escalations, e => Assert.Equal(2, e.Level));
        var alerts = await db.Alerts.AsNoTracking().ToListAsync();
        Assert.All(alerts, a => Assert.Equal((AlertStates.Sent, 2, AlertRows.AccountManager), (a.State, a.Level, a.Notify)));
        Assert.Equal(escalations.Select(e => e.Id).Order(), alerts.Select(a => a.EscalationId).Order());
        return alerts.ToDictionary(a => a.EscalationId, a => a.Id);
    }

    /// <summary>The webhook receiver got exactly one distinct alertId per escalation (its alert's), none missing; returns (requests, distinct ids).</summary>
    public static (int Requests, int Distinct) AssertOneWebhookAlertIdPerEscalation(AlertReceiver receiver, Dictionary<Guid, Guid> alertOfEscalation)
    {
        var hooks = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Select(b => (AlertId: b.GetProperty("alertId").GetGuid(), EscalationId: b.GetProperty("escalationId").GetGuid(), Level: b.GetProperty("level").GetInt32()))
            .ToList();
        var hookIds = hooks.GroupBy(h => (h.EscalationId, h.Level)).ToDictionary(g => g.Key, g => g.Select(h => h.AlertId).Distinct().ToList());
        Assert.Equal(alertOfEscalation.Keys.Order(), hookIds.Keys.Select(k => k.EscalationId).Order());
        Assert.All(hookIds, h => Assert.Equal(alertOfEscalation[h.Key.EscalationId], Assert.Single(h.Value)));
        Assert.All(hookIds.Keys, k => Assert.Equal(2, k.Level));
        return (hooks.Count, hookIds.Count);
    }
}
