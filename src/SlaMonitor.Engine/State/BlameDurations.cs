using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>Paused (lost) time per blame category, measured on the policy's clock.</summary>
public readonly record struct BlameDurations(Duration Customer, Duration Customs, Duration Carrier, Duration Weather, Duration Other)
{
    public static BlameDurations Zero => new(Duration.Zero, Duration.Zero, Duration.Zero, Duration.Zero, Duration.Zero);

    public Duration Total => Customer + Customs + Carrier + Weather + Other;

    public Duration this[BlameCategory category] => category switch
    {
        BlameCategory.Customer => Customer,
        BlameCategory.Customs => Customs,
        BlameCategory.Carrier => Carrier,
        BlameCategory.Weather => Weather,
        _ => Other,
    };

    public BlameDurations Add(BlameCategory category, Duration duration) => category switch
    {
        BlameCategory.Customer => this with { Customer = Customer + duration },
        BlameCategory.Customs => this with { Customs = Customs + duration },
        BlameCategory.Carrier => this with { Carrier = Carrier + duration },
        BlameCategory.Weather => this with { Weather = Weather + duration },
        _ => this with { Other = Other + duration },
    };
}
