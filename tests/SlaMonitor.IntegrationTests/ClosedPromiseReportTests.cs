using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>
/// The attainment report reads the closed-promise rows kept with each promise (issue 18, point 7) on PostgreSQL and
/// RabbitMQ: a fulfilled promise is counted on its closing day, reopening takes it out, a close by hand two days later
/// counts it on that day, and a site moved to another region takes its promises with it. The 4-hour promise opens at
/// 08:00 UTC three days ago (O); fulfilled at O+1h it is met 3 h early; closed by hand at O+2d it is missed by 44 h.
/// A closed promise whose row is missing gets it back when it is next re-derived.
/// </summary>
public sealed class ClosedPromiseReportTests(Servers servers)
{
    private const string Zero = "PT0S PT0S PT0S PT0S PT0S";

    [Fact]
    public async Task A_reopened_promise_leaves_the_report_and_a_close_by_hand_counts_it_on_its_new_day()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var admin = app.Admin();
        await TestSetup.ConfigureAsync(admin);
        var today = Webhook.Now().InUtc().Date;
        var opened = today.PlusDays(-3).AtMidnight().PlusHours(8).InUtc().ToInstant();
        var range = $"from={Date(today.PlusDays(-4))}&to={Date(today.PlusDays(1))}";
        var ticket = PromisesApi.NewTicketRef();

        await Webhook.PostAcceptedAsync(admin, SignedEvents.Opened(ticket, opened));
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, opened + Duration.FromHours(1)));
        await PromisesApi.UntilStatusAsync(admin, ticket, "MET");
        var fulfilled = await ReportScenario.RowsAsync(admin, $"{range}&groupBy=customer,day");

        using var reopened = await admin.PostAsJsonAsync($"/api/v1/promises/{ticket}/corrections", new { action = "reopen", reason = "part not fitted" });
        var afterReopen = await ReportScenario.RowsAsync(admin, $"{range}&groupBy=customer,day");

        var closedAt = opened + Duration.FromDays(2);
        using var closed = await admin.PostAsJsonAsync(
            $"/api/v1/promises/{ticket}/corrections", new { action = "close", at = closedAt.ToDateTimeOffset(), reason = "fitted two days later" });
        var afterClose = await ReportScenario.RowsAsync(admin, $"{range}&groupBy=customer,day");

        var site = TestSetup.SiteBody();
        site["region"] = "APAC";
        (await admin.PutAsJsonAsync($"/api/v1/sites/{TestSetup.Site}", site)).EnsureSuccessStatusCode();
        var byRegion = await ReportScenario.RowsAsync(admin, $"{range}&groupBy=region");

        Assert.Equal([$"customer={TestSetup.Customer},day={Date(today.PlusDays(-3))} | 1 0 0 1 | {Zero} | PT3H"], fulfilled);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Empty(afterReopen);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal([$"customer={TestSetup.Customer},day={Date(today.PlusDays(-1))} | 0 1 0 0 | {Zero} | -P1DT20H"], afterClose);
        Assert.Equal([$"region=APAC | 0 1 0 0 | {Zero} | -P1DT20H"], byRegion);
    }

    [Fact]
    public async Task A_closed_promise_whose_row_is_missing_gets_it_back_at_its_next_event()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var admin = app.Admin();
        await TestSetup.ConfigureAsync(admin);
        var today = Webhook.Now().InUtc().Date;
        var opened = today.PlusDays(-3).AtMidnight().PlusHours(8).InUtc().ToInstant();
        var range = $"from={Date(today.PlusDays(-4))}&to={Date(today.PlusDays(1))}";
        var ticket = PromisesApi.NewTicketRef();
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Opened(ticket, opened));
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, opened + Duration.FromHours(1)));
        await PromisesApi.UntilStatusAsync(admin, ticket, "MET");

        // As if a worker of the previous version had closed it while the migration's backfill ran.
        await app.ReadAsync(db => db.ClosedPromises.ExecuteDeleteAsync());
        var withoutRow = await ReportScenario.RowsAsync(admin, range);
        await Webhook.PostAcceptedAsync(admin, SignedEvents.Event(ticket, "shipment", "PICKED_UP", opened + Duration.FromHours(2)));
        await Eventually.UntilAsync(() => PromisesApi.GetAsync(admin, ticket), p => p?["timeline"]!.AsArray().Count == 3, "the later event stored");
        // The timeline shows the event once it is stored; the re-derivation that writes the row commits just after.
        var afterEvent = await Eventually.UntilAsync(() => ReportScenario.RowsAsync(admin, range), rows => rows.Count > 0, "the closed row back in the report");

        Assert.Empty(withoutRow);
        Assert.Equal([$" | 1 0 0 1 | {Zero} | PT3H"], afterEvent);
    }

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
