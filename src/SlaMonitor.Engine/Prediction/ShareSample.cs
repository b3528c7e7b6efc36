namespace SlaMonitor.Engine;

/// <summary>
/// One promise's budget share from entering a stage to fulfilment, with its weight (<see cref="RecencyWeight"/>).
/// Censored: the promise is still open, so only "more than this share" is known (right-censored).
/// </summary>
public readonly record struct ShareSample(double Share, double Weight = 1.0, bool Censored = false);
