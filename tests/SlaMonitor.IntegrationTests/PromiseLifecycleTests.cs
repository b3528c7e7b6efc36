using System.Text.Json.Nodes;
using NodaTime.Text;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

/// <summary>Signed events through the webhook, RabbitMQ, the ingest consumer and PostgreSQL, read back through the API.</summary>
public sealed class PromiseLifecycleTests(Servers servers)
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb[TestSetup.SiteTimeZone];

    [Fact]
    public async Task Opened_then_technician_onsite_within_four_hours_is_met_and_read_back_in_the_site_offset()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Duration.FromHours(1);
        var onsiteAt = openedAt + Duration.FromMinutes(40);

        await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, openedAt));
        await Webhook.PostAcceptedAsync(client, SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, onsiteAt));
        var promise = await PromisesApi.UntilStatusAsync(client, ticket, "MET");

        Assert.Equal(TestSetup.Customer, promise["customer"]!.GetValue<string>());
        Assert.Equal(TestSetup.Site, promise["site"]!.GetValue<string>());
        Assert.Equal(TestSetup.ServiceLevel, promise["serviceLevel"]!.GetValue<string>());
        AssertSiteTime(openedAt, promise["openedAt"]);
        AssertSiteTime(openedAt + Duration.FromHours(4), promise["deadline"]);
        AssertSiteTime(onsiteAt, promise["closedAt"]);
        var timeline = promise["timeline"]!.AsArray();
        Assert.Equal(["OPENED", TestSetup.FulfilledBy], timeline.Select(e => e!["code"]!.GetValue<string>()));
        AssertSiteTime(onsiteAt, timeline[1]!["occurredAt"]);
    }

    [Fact]
    public async Task Technician_onsite_after_the_deadline_is_missed()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Duration.FromHours(6);
        var onsiteAt = openedAt + Duration.FromHours(4) + Duration.FromSeconds(1);

        await Webhook.PostAcceptedAsync(client, SignedEvents.Batch(
            SignedEvents.Opened(ticket, openedAt),
            SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, onsiteAt)));
        var promise = await PromisesApi.UntilStatusAsync(client, ticket, "MISSED");

        AssertSiteTime(openedAt + Duration.FromHours(4), promise["deadline"]);
        AssertSiteTime(onsiteAt, promise["closedAt"]);
    }

    [Fact]
    public async Task A_repair_cancelled_event_closes_the_promise_as_cancelled()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Duration.FromHours(1);

        await Webhook.PostAcceptedAsync(client, SignedEvents.Opened(ticket, openedAt));
        await PromisesApi.UntilStatusAsync(client, ticket, "ON_TRACK");
        await Webhook.PostAcceptedAsync(client, SignedEvents.Event(ticket, "repair", "CANCELLED", openedAt + Duration.FromMinutes(30)));
        var promise = await PromisesApi.UntilStatusAsync(client, ticket, "CANCELLED");

        Assert.Equal(["OPENED", "CANCELLED"], promise["timeline"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_opened_promisedBy_replaces_the_policys_target_so_a_fix_inside_four_hours_but_after_the_quoted_two_is_missed()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        var openedAt = Webhook.Now() - Duration.FromHours(4);
        var promisedBy = openedAt + Duration.FromHours(2);
        var opened = SignedEvents.Opened(ticket, openedAt);
        opened["opened"]!["promisedBy"] = OffsetDateTimePattern.ExtendedIso.Format(promisedBy.WithOffset(Offset.FromHours(-3)));

        await Webhook.PostAcceptedAsync(client, opened);
        var open = await PromisesApi.UntilStatusAsync(client, ticket, "BREACHED");
        await Webhook.PostAcceptedAsync(client, SignedEvents.Event(ticket, "repair", TestSetup.FulfilledBy, openedAt + Duration.FromHours(3)));
        var closed = await PromisesApi.UntilStatusAsync(client, ticket, "MISSED");

        AssertSiteTime(promisedBy, open["deadline"]);
        AssertSiteTime(promisedBy, closed["promisedBy"]);
        AssertSiteTime(promisedBy, closed["deadline"]);
    }

    /// <summary>The same instant, written with the site's UTC offset at that instant (PRODUCT.md: times with the site's offset).</summary>
    private static void AssertSiteTime(Instant expected, JsonNode? actual)
    {
        var text = actual?.GetValue<string>();
        Assert.NotNull(text);
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        Assert.True(parsed.Success, $"'{text}' is not an ISO 8601 time with an offset");
        Assert.Equal(expected, parsed.Value.ToInstant());
        Assert.Equal(Berlin.GetUtcOffset(expected), parsed.Value.Offset);
    }
}
