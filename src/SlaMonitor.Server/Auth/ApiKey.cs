namespace SlaMonitor.Server.Auth;

public sealed class ApiKey
{
    public string Key { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Name { get; set; }

    /// <summary>For role accountManager: the customers this key may see (empty: none).</summary>
    public IList<string> Customers { get; } = [];

    /// <summary>For role carrier: the carrier code whose delivery log and parked events this key reads.</summary>
    public string? Carrier { get; set; }
}
