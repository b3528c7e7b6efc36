using System.Net;
using SlaMonitor.Server.Common;

namespace SlaMonitor.Server.Tests;

/// <summary>Where alerts may connect: the address rule, the allowed targets, the URL rule.</summary>
public sealed class AlertTargetPolicyTests
{
    private static readonly AlertTargetPolicy Nothing = new([], development: false);

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.10.20.30", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::a00:1", "private")]
    public void A_loopback_private_link_local_or_unspecified_address_is_refused_naming_its_kind(string address, string kind)
    {
        var refused = Nothing.RefuseAddress(IPAddress.Parse(address), "alerts.example.com", 443);

        Assert.NotNull(refused);
        Assert.Contains($"a {kind} address", refused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void A_public_address_is_allowed(string address) =>
        Assert.Null(Nothing.RefuseAddress(IPAddress.Parse(address), "alerts.example.com", 443));

    [Fact]
    public void A_target_listed_by_name_and_port_may_connect_to_a_private_address_but_not_on_another_port()
    {
        var policy = new AlertTargetPolicy(["Alerts.Internal:8443"], development: false);

        Assert.Null(policy.RefuseAddress(IPAddress.Parse("10.0.0.5"), "alerts.internal", 8443));
        Assert.NotNull(policy.RefuseAddress(IPAddress.Parse("10.0.0.5"), "alerts.internal", 8444));
        Assert.NotNull(policy.RefuseAddress(IPAddress.Parse("10.0.0.5"), "other.internal", 8443));
    }

    [Fact]
    public void A_target_listed_by_address_and_port_may_be_reached_under_any_name_and_as_an_ipv4_mapped_address()
    {
        var policy = new AlertTargetPolicy(["127.0.0.1:5005", "[::1]:5006"], development: false);

        Assert.Null(policy.RefuseAddress(IPAddress.Parse("127.0.0.1"), "localhost", 5005));
        Assert.Null(policy.RefuseAddress(IPAddress.Parse("::ffff:127.0.0.1"), "localhost", 5005));
        Assert.Null(policy.RefuseAddress(IPAddress.Parse("::1"), "[::1]", 5006));
        Assert.NotNull(policy.RefuseAddress(IPAddress.Parse("127.0.0.1"), "localhost", 5006));
    }

    [Theory]
    [InlineData("https://alerts.example.com/hook", false, null)]
    [InlineData("http://alerts.example.com/hook", false, "https")]
    [InlineData("http://alerts.example.com/hook", true, null)]
    [InlineData("http://alerts.internal:8080/hook", false, null)]
    [InlineData("http://alerts.internal:8081/hook", false, "https")]
    [InlineData("ftp://alerts.example.com/hook", true, "http(s)")]
    public void Outside_development_only_https_or_an_allowed_target_may_be_posted_to(string url, bool development, string? refusedFor)
    {
        var policy = new AlertTargetPolicy(["alerts.internal:8080"], development);

        var refused = policy.RefuseUrl(new Uri(url));

        if (refusedFor is null)
        {
            Assert.Null(refused);
        }
        else
        {
            Assert.Contains(refusedFor, refused, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("alerts.internal:8443", true)]
    [InlineData("10.0.0.5:80", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("alerts.internal", false)]
    [InlineData("alerts.internal:0", false)]
    [InlineData("alerts.internal:65536", false)]
    [InlineData("::1:8080", false)]
    [InlineData("[::1]", false)]
    [InlineData(":8080", false)]
    [InlineData("https://alerts.internal:8443", false)]
    public void An_allowed_target_is_a_host_and_a_port(string entry, bool valid) =>
        Assert.Equal(valid, AlertTargetPolicy.TryParseTarget(entry, out _, out _));
}
