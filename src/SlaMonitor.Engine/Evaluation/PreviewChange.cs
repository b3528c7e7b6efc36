using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>One open promise that a proposed policy would judge differently.</summary>
public sealed record PreviewChange(
    PromiseState Promise,
    PromiseStatus StatusNow,
    PromiseStatus StatusUnderProposal,
    ZonedDateTime DeadlineNow,
    ZonedDateTime DeadlineUnderProposal)
{
    public bool ChangesStatus => StatusNow != StatusUnderProposal;
}
