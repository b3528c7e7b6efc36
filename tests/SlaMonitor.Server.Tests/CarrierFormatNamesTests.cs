using SlaMonitor.Server.Definitions;
using SlaMonitor.Server.Ingest.Webhooks.Formats;

namespace SlaMonitor.Server.Tests;

public sealed class CarrierFormatNamesTests
{
    [Fact]
    public void Every_format_a_carrier_may_choose_has_a_reader_at_the_webhook() =>
        Assert.Equal(CarrierFormatNames.All.Order(), CarrierFormats.ByName.Keys.Order());
}
