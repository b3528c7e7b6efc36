using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using SlaMonitor.Infrastructure.Persistence;
using SlaMonitor.IntegrationTests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests;

public sealed class DuplicateEventTests(Servers servers)
{
    [Fact]
    public async Task An_event_posted_twice_by_the_same_carrier_is_stored_once_and_the_second_answer_says_duplicate()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        var opened = SignedEvents.Opened(ticket, Webhook.Now() - Duration.FromMinutes(30), eventId: $"{ticket}-opened");

        var first = await Webhook.PostAcceptedAsync(client, opened);
        Assert.Equal(1, first["accepted"]!.GetValue<int>());
        Assert.Equal(0, first["duplicates"]!.GetValue<int>());
        Assert.Equal("accepted", first["results"]![0]!["result"]!.GetValue<string>());
        await PromisesApi.UntilStatusAsync(client, ticket, "ON_TRACK");

        var second = await Webhook.PostAcceptedAsync(client, opened);
        Assert.Equal(0, second["accepted"]!.GetValue<int>());
        Assert.Equal(1, second["duplicates"]!.GetValue<int>());
        Assert.Equal($"{ticket}-opened", second["results"]![0]!["eventId"]!.GetValue<string>());
        Assert.Equal("duplicate", second["results"]![0]!["result"]!.GetValue<string>());

        // A later event for the same ticket goes through the same queue partition: once it is
        // stored, anything the duplicate could have caused has happened too.
        await Webhook.PostAcceptedAsync(client, SignedEvents.Event(ticket, "repair", "PART_REQUESTED", Webhook.Now() - Duration.FromMinutes(10)));
        var promise = await Eventually.UntilAsync(
            () => PromisesApi.GetAsync(client, ticket),
            p => p!["timeline"]!.AsArray().Any(e => e!["code"]!.GetValue<string>() == "PART_REQUESTED"),
            "the PART_REQUESTED event to reach the timeline");
        Assert.Equal(["OPENED", "PART_REQUESTED"], promise!["timeline"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        Assert.Equal(1, await database.CountAsync($"SELECT COUNT(*) FROM \"Events\" WHERE \"EventId\" = '{ticket}-opened'"));
    }

    [Fact]
    public async Task The_delivery_log_on_PostgreSQL_records_each_request_with_its_results()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Postgres, servers.PostgresAdmin);
        await using var app = new SlaHost(servers, database, SlaHost.NewEndpointPrefix());
        using var client = app.Admin();
        await TestSetup.ConfigureAsync(client);
        var ticket = PromisesApi.NewTicketRef();
        var opened = SignedEvents.Opened(ticket, Webhook.Now() - Duration.FromMinutes(30));
        await Webhook.PostAcceptedAsync(client, opened);
        await PromisesApi.UntilStatusAsync(client, ticket, "ON_TRACK");
        await Webhook.PostAcceptedAsync(client, opened);

        var log = await Eventually.UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/v1/carriers/{TestSetup.Carrier}/deliveries"),
            page => page.GetProperty("total").GetInt32() == 2,
            "both requests in the delivery log");

        Assert.Equal(
            ["duplicate", "accepted"],
            log.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("details")[0].GetProperty("result").GetString()));
    }
}
