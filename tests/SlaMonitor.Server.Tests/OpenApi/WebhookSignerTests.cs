using System.Net;
using System.Text;
using NodaTime;
using SlaMonitor.Client;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Tests.OpenApi;

/// <summary>The client's WebhookSigner speaks the server's scheme both ways, without referencing the server.</summary>
public sealed class WebhookSignerTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"E-1","kind":"repair","code":"OPENED"}""");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_server_accepts_what_the_signer_signs_with_the_current_or_the_previous_secret()
    {
        Assert.True(WebhookSignature.Verify(WebhookSigner.Sign("new-secret", Body, Now), ["new-secret"], Body, Instant.FromDateTimeOffset(Now), Duration.FromMinutes(5)));
        var rotating = WebhookSigner.Sign(["new-secret", "old-secret"], Now.ToUnixTimeSeconds(), Body);
        Assert.True(WebhookSignature.Verify(rotating, ["old-secret"], Body, Instant.FromDateTimeOffset(Now), Duration.FromMinutes(5)));
        Assert.Equal(WebhookSignature.Sign(["new-secret", "old-secret"], Now.ToUnixTimeSeconds(), Body), rotating);
    }

    [Fact]
    public void A_customer_verifies_an_alert_the_server_signed_and_refuses_a_changed_body_another_secret_or_an_old_signature()
    {
        var header = WebhookSignature.Sign(["alert-secret"], Now.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSigner.Verify(header, Body, ["alert-secret"], Now.AddMinutes(4)));
        Assert.True(WebhookSigner.Verify(header, Body, ["next-secret", "alert-secret"], Now));
        Assert.False(WebhookSigner.Verify(header, [.. Body, (byte)' '], ["alert-secret"], Now));
        Assert.False(WebhookSigner.Verify(header, Body, ["other-secret"], Now));
        Assert.False(WebhookSigner.Verify(header, Body, ["alert-secret"], Now.AddMinutes(6)));
        Assert.False(WebhookSigner.Verify("t=abc,v1=00", Body, ["alert-secret"], Now));
        Assert.False(WebhookSigner.Verify(null, Body, ["alert-secret"], Now));
    }

    [Fact]
    public async Task The_signed_post_can_sign_at_a_given_instant_and_the_signature_holds_there_only()
    {
        var handler = new Capture();
        using var http = new HttpClient(handler);
        var client = SlaMonitorClient.Create(new Uri("http://slamonitor.test"), http: http);
        var signedAt = new DateTimeOffset(2016, 10, 5, 13, 0, 0, TimeSpan.Zero); // a replay's virtual instant, years ago

        var answer = await client.Api.V1.Carriers["OLIST"].Events.PostSignedAsync(Body, "carrier-secret", signedAt, TestContext.Current.CancellationToken);

        Assert.Equal(1, answer.Accepted);
        Assert.Equal("http://slamonitor.test/api/v1/carriers/OLIST/events", handler.Uri?.ToString());
        Assert.Equal(Body, handler.Body);
        Assert.StartsWith($"t={signedAt.ToUnixTimeSeconds()},v1=", handler.Signature, StringComparison.Ordinal);
        Assert.True(WebhookSigner.Verify(handler.Signature, Body, ["carrier-secret"], signedAt));
        Assert.False(WebhookSigner.Verify(handler.Signature, Body, ["carrier-secret"], DateTimeOffset.UtcNow));
        Assert.True(WebhookSignature.Verify(handler.Signature, ["carrier-secret"], Body, Instant.FromDateTimeOffset(signedAt), Duration.FromMinutes(5)));
    }

    [Fact]
    public void The_client_references_neither_the_server_nor_its_libraries() =>
        Assert.All(typeof(WebhookSigner).Assembly.GetReferencedAssemblies(), reference =>
            Assert.False(reference.Name!.StartsWith("SlaMonitor.", StringComparison.Ordinal) || reference.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal),
                $"the client references {reference.Name}"));

    /// <summary>Answers every post 202 as the server does, keeping what was sent.</summary>
    private sealed class Capture : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        public string? Signature { get; private set; }

        public byte[] Body { get; private set; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Signature = request.Headers.TryGetValues(WebhookSigner.Header, out var values) ? values.Single() : null;
            Body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Accepted)
            {
                Content = new StringContent("""{"accepted":1,"duplicates":0,"results":[{"eventId":"E-1","result":"accepted"}]}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}
