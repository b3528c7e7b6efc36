namespace SlaMonitor.Server.Ingest.Webhooks.Formats;

public static class CarrierFormats
{
    public static readonly IReadOnlyDictionary<string, ICarrierFormat> ByName =
        new ICarrierFormat[] { new CanonicalFormat(), new EasyPostFormat() }.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
