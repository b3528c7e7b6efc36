namespace SlaMonitor.Engine;

/// <summary>
/// 64-bit FNV-1a of carrier code and event id: the dedup key kept in the folded state instead of the strings,
/// so an open promise stays small. Two distinct ids of one promise collide with probability about n²/2⁶⁵.
/// </summary>
internal static class EventIdentity
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string carrierCode, string eventId)
    {
        var hash = OffsetBasis;
        hash = Mix(hash, carrierCode);
        hash = (hash ^ 0x1F) * Prime; // separator: ("AB","C") and ("A","BC") differ
        return Mix(hash, eventId);
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
