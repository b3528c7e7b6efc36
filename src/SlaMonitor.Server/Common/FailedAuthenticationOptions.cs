using System.ComponentModel.DataAnnotations;

namespace SlaMonitor.Server.Common;

/// <summary>Settings under <c>FailedAuthentication</c>: how many failed authentications a client address may have.</summary>
public sealed class FailedAuthenticationOptions
{
    public const string Section = "FailedAuthentication";

    /// <summary>Failures an address may have in a row before it is answered 429.</summary>
    [Range(1, 100_000, ErrorMessage = "FailedAuthentication:Burst must be between 1 and 100000.")]
    public int Burst { get; set; } = 20;

    /// <summary>After the burst, one more failure is allowed every this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "FailedAuthentication:RecoveryPeriod must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Addresses tracked at once; beyond that, new addresses share one allowance until idle ones are dropped.</summary>
    [Range(100, 10_000_000, ErrorMessage = "FailedAuthentication:MaxTrackedAddresses must be between 100 and 10000000.")]
    public int MaxTrackedAddresses { get; set; } = 100_000;
}
