namespace SlaMonitor.Server.Board;

/// <summary>Part of a snapshot: the first replaces what the client holds, the last one ends the snapshot.</summary>
public sealed record SnapshotChunk(IReadOnlyList<BoardRow> Rows, bool First, bool Last);
