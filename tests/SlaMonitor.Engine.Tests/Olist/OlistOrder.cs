using NodaTime;

namespace SlaMonitor.Engine.Tests.Olist;

/// <summary>A delivered Olist order mapped onto a promise: purchase opens it, the carrier pickup and the delivery are its events.</summary>
public sealed record OlistOrder(
    string OrderId,
    Instant Purchased,
    Instant PickedUp,
    Instant Delivered,
    Instant Deadline,
    string SellerState,
    string CustomerState)
{
    public bool IsLate => Delivered.ToUnixTimeSeconds() > Deadline.ToUnixTimeSeconds();
}
