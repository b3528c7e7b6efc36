using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SlaMonitor.Client;

namespace SlaMonitor.Benchmarks;

/// <summary>
/// The load tool's webhook post on the client side only (issue 20): signing, building the request, reading the 202's
/// per-event results. Before: the request built by hand; after: SlaMonitor.Client's PostSignedAsync. The handler
/// answers at once with a 202 of the same size as the server's, so the network and the server are not in the figure.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet needs an unsealed class; GlobalCleanup disposes the client.")]
public class WebhookPostBenchmarks
{
    private const string Secret = "loadgen-secret-0001";
    private byte[] _body = [];
    private HttpClient _http = null!;
    private SlaMonitorApiClient _client = null!;

    [Params(1, 1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ids = Enumerable.Range(0, Events).Select(i => $"E-{i:D6}").ToList();
        var events = ids.Select(id => $$$"""{"eventId":"{{{id}}}","kind":"shipment","code":"IN_TRANSIT","occurredAt":"2026-12-01T10:00:00+01:00","ticketRef":"T-{{{id}}}","shipmentRef":"1Z{{{id}}}","location":{"code":"DE-FRA","countryCode":"DE"}}""");
        _body = Encoding.UTF8.GetBytes(Events == 1 ? events.Single() : $$"""{"events":[{{string.Join(',', events)}}]}""");
        var answer = JsonSerializer.SerializeToUtf8Bytes(new { accepted = Events, duplicates = 0, results = ids.Select(id => new { eventId = id, result = "accepted" }) });
        _http = new HttpClient(new Answering(answer)) { BaseAddress = new Uri("http://loadgen.invalid") };
        _client = SlaMonitorClient.Create(new Uri("http://loadgen.invalid"), http: _http);
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "by hand (load tool before)")]
    public async Task<int> ByHand()
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes($"{t}."), .. _body]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/carriers/LOADGEN/events")
        {
            Content = new ByteArrayContent(_body) { Headers = { ContentType = new("application/json") } },
        };
        request.Headers.Add("SlaMonitor-Signature", $"t={t},v1={signature}");
        using var response = await _http.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("result").GetString() == "accepted");
    }

    [Benchmark(Description = "SlaMonitor.Client PostSignedAsync")]
    public async Task<int> GeneratedClient()
    {
        var answer = await _client.Api.V1.Carriers["LOADGEN"].Events.PostSignedAsync(_body, Secret);
        return answer.Results!.Count(r => r.Result == "accepted");
    }

    private sealed class Answering(byte[] answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new ByteArrayContent(answer) { Headers = { ContentType = new("application/json") } } };
        }
    }
}
