using NodaTime;

namespace SlaMonitor.Engine;

/// <summary>
/// Merges customer and customs holds into non-overlapping pause segments. While both run, the time is blamed on
/// the hold that began first; when it ends and the other continues, a new segment starts with the other's blame.
/// </summary>
internal struct HoldTracker
{
    private Instant? _customerSince;
    private BlameCategory _customerBlame;
    private Instant? _customsSince;
    private BlameCategory _customsBlame;
    private Instant? _segmentStart;
    private BlameCategory _segmentBlame;
    private List<PauseSegment>? _segments;

    public void StartCustomer(Instant at, BlameCategory blame)
    {
        if (_customerSince is null)
        {
            _customerSince = at;
            _customerBlame = blame;
            Changed(at);
        }
    }

    public void EndCustomer(Instant at)
    {
        if (_customerSince is not null)
        {
            _customerSince = null;
            Changed(at);
        }
    }

    public void StartCustoms(Instant at, BlameCategory blame)
    {
        if (_customsSince is null)
        {
            _customsSince = at;
            _customsBlame = blame;
            Changed(at);
        }
    }

    public void EndCustoms(Instant at)
    {
        if (_customsSince is not null)
        {
            _customsSince = null;
            Changed(at);
        }
    }

    public void EndAll(Instant at)
    {
        _customerSince = null;
        _customsSince = null;
        Changed(at);
    }

    public readonly PauseSegment[] Segments()
    {
        var count = (_segments?.Count ?? 0) + (_segmentStart is null ? 0 : 1);
        if (count == 0)
        {
            return [];
        }

        var result = new PauseSegment[count];
        _segments?.CopyTo(result);
        if (_segmentStart is { } start)
        {
            result[^1] = new PauseSegment(start, null, _segmentBlame);
        }

        return result;
    }

    private void Changed(Instant at)
    {
        var blame = CurrentBlame();
        if (_segmentStart is { } start)
        {
            if (blame == _segmentBlame)
            {
                return;
            }

            if (at > start)
            {
                _segments ??= [];
                _segments.Add(new PauseSegment(start, at, _segmentBlame));
            }
        }

        _segmentStart = blame == BlameCategory.None ? null : at;
        _segmentBlame = blame;
    }

    private readonly BlameCategory CurrentBlame() => (_customerSince, _customsSince) switch
    {
        (null, null) => BlameCategory.None,
        ({ }, null) => _customerBlame,
        (null, { }) => _customsBlame,
        ({ } customer, { } customs) => customer <= customs ? _customerBlame : _customsBlame,
    };
}
