using System.Diagnostics.Metrics;
using SlaMonitor.Engine;
using SlaMonitor.Infrastructure.Persistence;

namespace SlaMonitor.Server.Escalations;

/// <summary>The <c>SlaMonitor</c> meter: alert lead time, time to acknowledge, breaches prevented.</summary>
public sealed class SlaMetrics : IDisposable
{
    public const string MeterName = "SlaMonitor";
    private readonly Meter _meter;
    private readonly Histogram<double> _leadTime;
    private readonly Histogram<double> _timeToAcknowledge;
    private readonly Counter<long> _opened;
    private readonly Counter<long> _prevented;
    private readonly Counter<long> _inhibited;

    public SlaMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _leadTime = _meter.CreateHistogram<double>("slamonitor.escalation.lead_time", "s", "Escalation opened → promise deadline");
        _timeToAcknowledge = _meter.CreateHistogram<double>("slamonitor.escalation.time_to_acknowledge", "s", "Escalation opened → acknowledged");
        _opened = _meter.CreateCounter<long>("slamonitor.escalations.opened");
        _prevented = _meter.CreateCounter<long>("slamonitor.breaches_prevented", description: "Escalations resolved by the promise closing MET");
        _inhibited = _meter.CreateCounter<long>("slamonitor.notifications.inhibited", description: "Account-manager messages folded into their incident's message");
    }

    public void Opened(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        _opened.Add(1);
        _leadTime.Record((escalation.Deadline - escalation.OpenedAt).TotalSeconds);
    }

    public void Acknowledged(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        _timeToAcknowledge.Record((escalation.AcknowledgedAt!.Value - escalation.OpenedAt).TotalSeconds);
    }

    public void Resolved(Escalation escalation, string promiseStatus)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (escalation.Outcome == EscalationOutcomes.Met || promiseStatus == "MET")
        {
            _prevented.Add(1);
        }
    }

    public void Inhibited() => _inhibited.Add(1);

    public void Dispose() => _meter.Dispose();
}
