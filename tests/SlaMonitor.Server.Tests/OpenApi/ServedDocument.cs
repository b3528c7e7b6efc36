using SlaMonitor.Server.Tests.Support;

namespace SlaMonitor.Server.Tests.OpenApi;

/// <summary>/openapi/v1.json as the product serves it in Development.</summary>
public static class ServedDocument
{
    public static async Task<string> ReadAsync()
    {
        await using var app = new SlaApp();
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
