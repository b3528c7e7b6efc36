using SlaMonitor.Server.Tests.Support;
using SlaMonitor.Tests.Shared;

namespace SlaMonitor.Server.Tests.OpenApi;

/// <summary>
/// Issue 20: the contract cannot drift silently. The served document must equal docs/openapi/v1.json, so a change to
/// the API shows up as a diff of that file in the same commit. Update it (and the generated client) with
/// <c>tools/update-openapi.sh</c>, which runs this test with UPDATE_OPENAPI_SNAPSHOT=1.
/// </summary>
public sealed class OpenApiSnapshotTests
{
    public const string UpdateVariable = "UPDATE_OPENAPI_SNAPSHOT";

    [Fact]
    public async Task The_served_document_equals_the_checked_in_snapshot()
    {
        var served = await ServedDocument.ReadAsync();
        var snapshot = RepositoryFiles.PathOf("docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(snapshot, served, TestContext.Current.CancellationToken);
        }

        var expected = File.Exists(snapshot) ? Normalized(await File.ReadAllTextAsync(snapshot, TestContext.Current.CancellationToken)) : "";
        Assert.True(expected == Normalized(served), $"""
            The served OpenAPI document differs from {snapshot}. If the API change is intended, update the snapshot and
            commit it with the change (call out a removed field or renamed operation in CHANGELOG.md):
              tools/update-openapi.sh    (runs this test with {UpdateVariable}=1, then regenerates src/SlaMonitor.Client)
            First difference: {FirstDifference(expected, Normalized(served))}
            """);
    }

    private static string Normalized(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of document)";
            if (e != a)
            {
                return $"line {i + 1}: snapshot `{e.Trim()}`, served `{a.Trim()}`";
            }
        }

        return "none";
    }
}
