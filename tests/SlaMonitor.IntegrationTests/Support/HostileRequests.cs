using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaMonitor.Server.Common;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.IntegrationTests.Support;

/// <summary>
/// One request every input rule must refuse (a 4xx, nothing changed): a valid request with one thing made hostile.
/// <paramref name="SignAsCarrier"/>: signed as <paramref name="Carrier"/> over the exact bytes; else <paramref name="Signature"/>
/// is sent as the header (null: none) and the admin key when <paramref name="Admin"/>.
/// </summary>
public sealed record HostileRequest(string What, HttpMethod Method, string Path, byte[]? Body, bool Admin, bool SignAsCarrier, string Carrier, string? Signature)
{
    public override string ToString() => $"{What}: {Method} {Path} {(Body is null ? "" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)]))}";
}

/// <summary>FsCheck generators of <see cref="HostileRequest"/>s over every kind of input the API takes.</summary>
public static class HostileRequests
{
    public const string EasyPostCarrier = "HOSTILE-EP";
    public const string EasyPostSecret = "hostile-easypost-secret-01";

    /// <summary>C0 controls (and DEL) refused in every text: all but tab, newline and carriage return, which a note may hold.</summary>
    private static readonly Gen<string> RefusedEverywhere =
        from c in Gen.Elements(Enumerable.Range(0, 32).Where(c => c is not (9 or 10 or 13)).Append(127).ToArray())
        from before in Gen.Elements("", "A", "ACME", "x-1")
        from after in Gen.Elements("", "B", "-2", " tail")
        select before + (char)c + after;

    /// <summary>Refused in ids, codes and references: any control character, tab and newline included.</summary>
    private static readonly Gen<string> RefusedInIds = Gen.OneOf(RefusedEverywhere, Gen.Elements("\t", "a\tb", "a\nb", "\r\n", "id\n"));

    private static readonly Gen<string> BadInstant = Gen.Elements(
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z",
        "+275760-09-13T00:00:00Z", "1900-01-01T00:00:00Z", "2300-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-11-22T25:00:00Z", "2026-11-22T10:00:00", "2026-11-22T10:00:00+25:00", "", "now", "2026-11-22T10:00:00\0Z");

    private static readonly Gen<JsonNode?> WrongType = Gen.Elements<Func<JsonNode?>>(
        () => JsonValue.Create(1e300), () => JsonValue.Create(-1e300), () => JsonValue.Create(true), () => new JsonArray(), () => new JsonObject(),
        () => JsonValue.Create(9223372036854775807L)).Select(f => f());

    private static readonly Gen<string> HugeText = Gen.Elements(5_000, 70_000).Select(n => new string('x', n));

    private static readonly string[] InstantFields = ["occurredAt", "estimatedArrival"];

    public static Gen<HostileRequest> Any(Instant now) => Gen.Frequency(
        (6, CanonicalEvent(now)),
        (1, CanonicalBatch(now)),
        (2, BadSignature(now)),
        (2, EasyPost(now)),
        (3, AdminPut()),
        (3, HostileQuery()),
        (1, Silence(now)),
        (2, RawBody()));

    /// <summary>A valid canonical event with one leaf made hostile: control characters, an out-of-range or malformed instant, a wrong type, a huge text.</summary>
    private static Gen<HostileRequest> CanonicalEvent(Instant now) =>
        from ticket in Gen.Choose(1, int.MaxValue)
        from hostile in HostileEvent(now, ticket)
        select Webhook(hostile.What, Encoding.UTF8.GetBytes(hostile.Body.ToJsonString()));

    private static Gen<HostileRequest> CanonicalBatch(Instant now) =>
        from ticket in Gen.Choose(1, int.MaxValue)
        from first in HostileEvent(now, ticket)
        from second in HostileEvent(now, ticket + 1)
        select Webhook($"batch of {first.What} and {second.What}", Encoding.UTF8.GetBytes(SignedEvents.Batch(first.Body, second.Body).ToJsonString()));

    private static Gen<(string What, JsonObject Body)> HostileEvent(Instant now, int ticket)
    {
        var valid = SignedEvents.Opened($"HOSTILE-{ticket}", now - Duration.FromMinutes(5));
        valid["estimatedArrival"] = "2026-11-22T18:00:00+01:00";
        valid["note"] = "a note";
        valid["reason"] = "CARRIER:late";
        var leaves = Leaves(valid);
        return from leaf in Gen.Elements(leaves.ToArray())
               from value in InstantFields.Contains(leaf) ? Gen.OneOf(BadInstant.Select(s => (JsonNode?)s), WrongType)
                   : leaf == "note" ? Gen.OneOf(RefusedEverywhere.Select(s => (JsonNode?)s), WrongType, HugeText.Select(s => (JsonNode?)s))
                   : Gen.OneOf(RefusedInIds.Select(s => (JsonNode?)s), WrongType, HugeText.Select(s => (JsonNode?)s))
               select ($"event {leaf} = {Show(value)}", Replace(valid, leaf, value));
    }

    private static Gen<HostileRequest> BadSignature(Instant now) =>
        from header in Gen.Elements<string?>(
            null, "", "t=99999999999999999999,v1=00", "t=9223372036854775807,v1=00", "t=-9223372036854775808,v1=00", "t=253402300800,v1=00",
            "t=-62135596801,v1=00", "t=1e5,v1=00", "v1=00", $"t={now.ToUnixTimeSeconds()}", $"t={now.ToUnixTimeSeconds()},v1=zz",
            $"t={now.ToUnixTimeSeconds()},v1={new string('0', 64)}", "garbage", new string(',', 5000))
        from ticket in Gen.Choose(1, int.MaxValue)
        select new HostileRequest($"signature '{Show(header)}'", HttpMethod.Post, $"/api/v1/carriers/{TestSetup.Carrier}/events",
            Encoding.UTF8.GetBytes(SignedEvents.Opened($"HOSTILE-S{ticket}", now).ToJsonString()), false, false, TestSetup.Carrier, header);

    /// <summary>EasyPost bodies missing or mistyping what the format needs, or with hostile values inside.</summary>
    private static Gen<HostileRequest> EasyPost(Instant now)
    {
        var at = now.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return from body in Gen.Elements(
                   "{}", """{"description":"tracker.updated"}""", """{"description":"tracker.updated","result":null}""",
                   """{"description":"tracker.updated","result":[]}""", """{"description":"tracker.updated","result":"x"}""",
                   """{"description":"tracker.updated","result":{}}""", """{"description":"tracker.updated","result":{"tracking_code":null}}""",
                   """{"description":"tracker.updated","result":{"tracking_code":5}}""",
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ1","tracking_details":"x"}}""",
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ1","tracking_details":[5]}}""",
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ1","tracking_details":[{"status":"delivered"}]}}""",
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ1","tracking_details":[{"status":"delivered","datetime":"9999-12-31T23:59:59-14:00"}]}}""",
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ1","tracking_details":[{"status":"delivered","datetime":"0001-01-01T00:00:00+14:00"}]}}""",
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ\u0000","tracking_details":[{"status":"delivered","datetime":"AT"}]}}""".Replace("AT", at, StringComparison.Ordinal),
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ1","est_delivery_date":"9999-99-99","tracking_details":[{"status":"delivered","datetime":"AT"}]}}""".Replace("AT", at, StringComparison.Ordinal),
                   """{"description":"tracker.updated","result":{"tracking_code":"EZ1","tracking_details":[{"status":"in_transit","message":"\u0000","datetime":"AT","tracking_location":{"country":"\u0001"}}]}}""".Replace("AT", at, StringComparison.Ordinal))
               select new HostileRequest($"easypost {body[..Math.Min(60, body.Length)]}", HttpMethod.Post, $"/api/v1/carriers/{EasyPostCarrier}/events",
                   Encoding.UTF8.GetBytes(body), false, true, EasyPostCarrier, null);
    }

    /// <summary>A valid site, policy, customer or carrier with one leaf made hostile, or a hostile code in the path.</summary>
    private static Gen<HostileRequest> AdminPut()
    {
        var bodies = new (string Path, JsonObject Body)[]
        {
            ($"/api/v1/sites/{TestSetup.Site}", TestSetup.SiteBody()),
            ($"/api/v1/policies/{TestSetup.ServiceLevel}", TestSetup.PolicyWithLadderBody()),
            ($"/api/v1/customers/{TestSetup.Customer}", TestSetup.CustomerBody()),
            ($"/api/v1/carriers/{TestSetup.Carrier}", TestSetup.CarrierBody()),
        };
        var leafMadeHostile =
            from target in Gen.Elements(bodies)
            from leaf in Gen.Elements(Leaves(target.Body).ToArray())
            from value in Gen.OneOf(RefusedEverywhere.Select(s => (JsonNode?)s), WrongType, HugeText.Select(s => (JsonNode?)s))
            select new HostileRequest($"PUT {target.Path} {leaf} = {Show(value)}", HttpMethod.Put, target.Path,
                Encoding.UTF8.GetBytes(Replace(target.Body, leaf, value).ToJsonString()), true, false, "", null);
        var hostilePath =
            from target in Gen.Elements(bodies)
            from code in RefusedInIds
            let path = target.Path[..(target.Path.LastIndexOf('/') + 1)] + Uri.EscapeDataString(code)
            select new HostileRequest($"PUT code {Show(code)}", HttpMethod.Put, path, Encoding.UTF8.GetBytes(target.Body.ToJsonString()), true, false, "", null);
        return Gen.OneOf(leafMadeHostile, hostilePath);
    }

    /// <summary>Every list endpoint with one query parameter made hostile: control characters, numbers out of range or not numbers, unknown time zones.</summary>
    private static Gen<HostileRequest> HostileQuery()
    {
        var endpoints = new (string Path, string[] Texts, string[] Numbers)[]
        {
            ("/api/v1/promises", ["status", "region", "customer", "carrier", "serviceLevel", "q"], ["offset", "limit"]),
            ("/api/v1/escalations", ["state", "customer", "ticketRef"], ["offset", "limit"]),
            ("/api/v1/escalations/metrics", ["customer"], []),
            ($"/api/v1/carriers/{TestSetup.Carrier}/deliveries", ["outcome"], ["status", "offset", "limit"]),
            ("/api/v1/parked-events", ["carrier", "state"], ["offset", "limit"]),
            ("/board/api/stats", ["tz", "region", "customer", "carrier", "serviceLevel"], []),
            ($"/api/v1/promises/{Uri.EscapeDataString("T\u0000")}", [], []),
            ($"/api/v1/customers/{Uri.EscapeDataString("ACME\u0000")}", [], []),
            ($"/api/v1/sites/{Uri.EscapeDataString("\u0001")}", [], []),
        };
        return from endpoint in Gen.Elements(endpoints)
               from useNumber in Gen.Elements(true, false)
               from parameter in Gen.Elements(endpoint.Texts.Concat(endpoint.Numbers).DefaultIfEmpty("q").ToArray())
               from value in endpoint.Numbers.Contains(parameter)
                   ? Gen.Elements("99999999999", "-99999999999", "1e9", "abc", "1\u0000", "")
                   : RefusedEverywhere
               where !(value.Length == 0)
               select new HostileRequest($"GET {endpoint.Path}?{parameter}={Show(value)}", HttpMethod.Get,
                   $"{endpoint.Path}?{parameter}={Uri.EscapeDataString(value)}", null, true, false, "", null);
    }

    private static Gen<HostileRequest> Silence(Instant now)
    {
        var valid = new JsonObject
        {
            ["carrier"] = TestSetup.Carrier,
            ["from"] = now.ToString(),
            ["until"] = (now + Duration.FromHours(1)).ToString(),
            ["reason"] = "carrier outage",
        };
        return from leaf in Gen.Elements(Leaves(valid).ToArray())
               from value in leaf is "from" or "until" ? Gen.OneOf(BadInstant.Select(s => (JsonNode?)s), WrongType)
                   : Gen.OneOf(RefusedEverywhere.Select(s => (JsonNode?)s), WrongType, HugeText.Select(s => (JsonNode?)s))
               select new HostileRequest($"POST silence {leaf} = {Show(value)}", HttpMethod.Post, "/api/v1/silences",
                   Encoding.UTF8.GetBytes(Replace(valid, leaf, value).ToJsonString()), true, false, "", null);
    }

    /// <summary>Bodies that are not JSON, not UTF-8, nested too deep, or JSON of the wrong shape, to the webhook (signed) and to an admin PUT.</summary>
    private static Gen<HostileRequest> RawBody()
    {
        var bodies = new[]
        {
            new byte[] { 0xC3, 0x28 }, [0xFF, 0xFE, 0x00], [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'], "{\"eventId\":\"\\ud800\"}"u8.ToArray(),
            "{"u8.ToArray(), "[]"u8.ToArray(), "null"u8.ToArray(), "\"x\""u8.ToArray(), "{\"events\":5}"u8.ToArray(), "{\"events\":[[]]}"u8.ToArray(),
            Encoding.UTF8.GetBytes(new string('[', 10_000)), Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 2_000) + "}"), [],
        };
        return from body in Gen.Elements(bodies)
               from toWebhook in Gen.Elements(true, false)
               select toWebhook
                   ? Webhook($"raw body {Show(Encoding.UTF8.GetString(body[..Math.Min(body.Length, 20)]))}", body)
                   : new HostileRequest($"PUT site raw body {Show(Encoding.UTF8.GetString(body[..Math.Min(body.Length, 20)]))}", HttpMethod.Put,
                       $"/api/v1/sites/{TestSetup.Site}", body, true, false, "", null);
    }

    private static HostileRequest Webhook(string what, byte[] body) =>
        new(what, HttpMethod.Post, $"/api/v1/carriers/{TestSetup.Carrier}/events", body, false, true, TestSetup.Carrier, null);

    /// <summary>Dotted paths of every string and number leaf (array items as <c>name.0</c>).</summary>
    private static List<string> Leaves(JsonNode node, string prefix = "")
    {
        var leaves = new List<string>();
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is not null)
                    {
                        leaves.AddRange(Leaves(value, prefix + key + "."));
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        leaves.AddRange(Leaves(item, prefix + i + "."));
                    }
                }

                break;
            default:
                leaves.Add(prefix.TrimEnd('.'));
                break;
        }

        return leaves;
    }

    private static JsonObject Replace(JsonObject valid, string leaf, JsonNode? value)
    {
        var copy = valid.DeepClone().AsObject();
        JsonNode parent = copy;
        var parts = leaf.Split('.');
        foreach (var part in parts[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : parent[part]!;
        }

        if (parent is JsonArray items)
        {
            items[int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)] = value?.DeepClone();
        }
        else
        {
            parent[parts[^1]] = value?.DeepClone();
        }

        return copy;
    }

    private static string Show(object? value)
    {
        var text = value switch
        {
            null => "null",
            JsonNode node => node.ToJsonString(),
            _ => value.ToString() ?? "",
        };
        text = text.Length > 40 ? $"{text[..40]}…({text.Length} chars)" : text;
        return string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    /// <summary>Signs the body as the carrier when the request says so.</summary>
    public static HttpRequestMessage ToMessage(HostileRequest request, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body) { Headers = { ContentType = new("application/json") } };
        }

        if (request.Admin)
        {
            message.Headers.Authorization = new("Bearer", TestSetup.AdminKey);
        }

        if (request.SignAsCarrier)
        {
            var secret = request.Carrier == EasyPostCarrier ? EasyPostSecret : TestSetup.CarrierSecret;
            message.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, now.ToUnixTimeSeconds(), request.Body ?? []));
        }
        else if (request.Signature is not null)
        {
            message.Headers.TryAddWithoutValidation(WebhookSignature.Header, request.Signature);
        }

        return message;
    }
}
