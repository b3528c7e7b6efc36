using SlaMonitor.Server.Promises;

namespace SlaMonitor.Server.Board;

/// <summary>
/// One line of the board: the API's own view of the promise (without its timeline, so fields the engine
/// adds to <see cref="PromiseView"/> reach the board unchanged), its revision, and its shipment references for search.
/// </summary>
public sealed record BoardRow(PromiseView Promise, int Revision, IReadOnlyList<string> ShipmentRefs);
