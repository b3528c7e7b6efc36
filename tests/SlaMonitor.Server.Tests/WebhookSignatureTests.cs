using System.Text;
using NodaTime;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-test-0001";
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly Duration Tolerance = Duration.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"e-1","kind":"shipment"}""");

    [Fact]
    public void A_signature_made_with_the_secret_over_timestamp_and_body_verifies() =>
        Assert.True(Verify(Sign(Now), Body));

    [Fact]
    public void The_signature_is_hmac_sha256_hex_over_timestamp_dot_body()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{Now.ToUnixTimeSeconds()}.") .Concat(Body).ToArray()));

        Assert.Equal($"t={Now.ToUnixTimeSeconds()},v1={expected}", Sign(Now));
    }

    [Fact]
    public void Signed_with_two_secrets_the_header_carries_two_v1_values_and_either_secret_verifies()
    {
        var header = WebhookSignature.Sign(["whsec-new-0002", Secret], Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(2, header.Split(',').Count(part => part.StartsWith("v1=", StringComparison.Ordinal)));
        Assert.True(WebhookSignature.Verify(header, ["whsec-new-0002"], Body, Now, Tolerance));
        Assert.True(WebhookSignature.Verify(header, [Secret], Body, Now, Tolerance));
        Assert.False(WebhookSignature.Verify(header, ["whsec-other-0003"], Body, Now, Tolerance));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void A_timestamp_outside_five_minutes_is_refused(int secondsOff) =>
        Assert.False(Verify(Sign(Now + Duration.FromSeconds(secondsOff)), Body));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void A_timestamp_exactly_five_minutes_off_is_accepted(int secondsOff) =>
        Assert.True(Verify(Sign(Now + Duration.FromSeconds(secondsOff)), Body));

    [Fact]
    public void A_body_altered_by_one_byte_is_refused()
    {
        var altered = (byte[])Body.Clone();
        altered[^2] ^= 0x01;

        Assert.False(Verify(Sign(Now), altered));
    }

    [Fact]
    public void Another_carriers_secret_is_refused() =>
        Assert.False(WebhookSignature.Verify(WebhookSignature.Sign("someone-elses-secret", Now.ToUnixTimeSeconds(), Body), [Secret], Body, Now, Tolerance));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=notanumber,v1=00")]
    [InlineData("t=1795424400")]
    [InlineData("t=1795424400,v1=zz")]
    public void A_missing_or_malformed_header_is_refused(string? header) =>
        Assert.False(Verify(header, Body));

    [Fact]
    public void One_matching_v1_among_several_is_enough_for_secret_rotation()
    {
        var good = Sign(Now);
        var header = $"t={Now.ToUnixTimeSeconds()},v1={new string('0', 64)},{good[good.IndexOf("v1=", StringComparison.Ordinal)..]}";

        Assert.True(Verify(header, Body));
    }

    private static string Sign(Instant at) => WebhookSignature.Sign(Secret, at.ToUnixTimeSeconds(), Body);

    private static bool Verify(string? header, byte[] body) => WebhookSignature.Verify(header, [Secret], body, Now, Tolerance);
}
