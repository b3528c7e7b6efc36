using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SlaMonitor.Server.Tests.Architecture;

/// <summary>
/// The server's feature slices and the only directions their dependencies may take (docs/architecture.md).
/// A new dependency against the table, or any loop between slices, fails the build.
/// </summary>
public sealed class SliceDependencyTests
{
    private const string Root = "SlaMonitor.Server";

    private static readonly ArchUnitNET.Domain.Architecture Server =
        new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    /// <summary>Each slice and the slices it may use; every other slice is out of bounds.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Common"] = [],
        ["Auth"] = ["Common"],
        ["Audit"] = ["Auth", "Common"],
        ["Definitions"] = ["Audit", "Auth", "Common"],
        ["Escalations"] = ["Definitions", "Audit", "Auth", "Common"],
        ["Notifications"] = ["Escalations", "Definitions", "Audit", "Auth", "Common"],
        ["Promises"] = ["Escalations", "Definitions", "Audit", "Auth", "Common"],
        ["Ingest"] = ["Promises", "Escalations", "Definitions", "Audit", "Auth", "Common"],
        ["Reports"] = ["Promises", "Escalations", "Notifications", "Definitions", "Audit", "Auth", "Common"],
        ["Board"] = ["Reports", "Promises", "Escalations", "Notifications", "Definitions", "Audit", "Auth", "Common"],
        ["Scheduling"] = ["Reports", "Ingest", "Promises", "Escalations", "Notifications", "Definitions", "Audit", "Auth", "Common"],
        ["Demo"] = ["Definitions", "Audit", "Auth", "Common"],
        ["Hosting"] = ["Demo", "Scheduling", "Board", "Reports", "Ingest", "Promises", "Notifications", "Escalations", "Definitions", "Audit", "Auth", "Common"],
    };

    public static TheoryData<string> Slices => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Slices))]
    public void A_slice_depends_only_on_the_slices_below_it(string slice)
    {
        var forbidden = Allowed.Keys.Where(s => s != slice && !Allowed[slice].Contains(s)).ToList();
        if (forbidden.Count == 0)
        {
            return;
        }

        Types().That().ResideInNamespaceMatching(InSlice(slice))
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(InAny(forbidden))
            .Because($"{slice} may use only {string.Join(", ", Allowed[slice].DefaultIfEmpty("nothing"))}")
            .Check(Server);
    }

    [Fact]
    public void The_slices_have_no_dependency_loop()
    {
        var uses = Server.Types
            .SelectMany(t => t.Dependencies.Select(d => (From: SliceOf(t), To: SliceOf(d.Target))))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .Distinct()
            .ToLookup(e => e.From!, e => e.To!);

        Assert.Null(FindLoop(uses));
    }

    [Fact]
    public void Every_folder_of_the_server_is_a_slice_in_the_table()
    {
        var slices = Server.Namespaces.Select(n => n.FullName)
            .Where(n => n.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(n => n[(Root.Length + 1)..].Split('.')[0])
            .Distinct();

        Assert.All(slices, slice => Assert.True(Allowed.ContainsKey(slice), $"{slice} is not in the dependency table"));
    }

    /// <summary>A loop through the slice graph as "A -> B -> A", or null when there is none (depth-first search).</summary>
    private static string? FindLoop(ILookup<string, string> uses)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        string? Visit(string slice)
        {
            if (path.Contains(slice))
            {
                return string.Join(" -> ", path.SkipWhile(s => s != slice).Append(slice));
            }

            if (!done.Add(slice))
            {
                return null;
            }

            path.Add(slice);
            var loop = uses[slice].Select(Visit).FirstOrDefault(l => l is not null);
            path.RemoveAt(path.Count - 1);
            return loop;
        }

        return uses.Select(g => g.Key).Select(Visit).FirstOrDefault(l => l is not null);
    }

    private static string? SliceOf(IType type) =>
        type.Namespace.FullName.StartsWith(Root + ".", StringComparison.Ordinal)
            ? type.Namespace.FullName[(Root.Length + 1)..].Split('.')[0]
            : null;

    private static string InSlice(string slice) => $@"^{Root.Replace(".", @"\.", StringComparison.Ordinal)}\.{slice}(\..+)?$";

    private static string InAny(IEnumerable<string> slices) =>
        $@"^{Root.Replace(".", @"\.", StringComparison.Ordinal)}\.({string.Join("|", slices)})(\..+)?$";
}
