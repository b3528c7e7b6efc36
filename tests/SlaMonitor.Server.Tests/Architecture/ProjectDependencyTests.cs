using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using SlaMonitor.Contracts;
using SlaMonitor.Engine;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SlaMonitor.Server.Tests.Architecture;

/// <summary>The engine is a pure model over NodaTime; the contracts are plain records.</summary>
public sealed class ProjectDependencyTests
{
    [Fact]
    public void The_engine_uses_nothing_but_NodaTime_and_the_base_library()
    {
        var engine = new ArchLoader().LoadAssemblies(typeof(SlaEvaluator).Assembly).Build();

        Types().That().ResideInAssembly(typeof(SlaEvaluator).Assembly)
            .Should().OnlyDependOnTypesThat().ResideInNamespaceMatching(@"^(SlaMonitor\.Engine|NodaTime|System)(\..+)?$|^$")
            .Because("the engine is pure: no I/O, no EF, no MassTransit, no logging, one clock")
            .Check(engine);
        Assert.All(typeof(SlaEvaluator).Assembly.GetReferencedAssemblies(), reference =>
            Assert.True(reference.Name is "NodaTime" or "netstandard" || reference.Name!.StartsWith("System.", StringComparison.Ordinal), $"the engine references {reference.Name}"));
        Assert.DoesNotContain(typeof(SlaEvaluator).Assembly.GetReferencedAssemblies(), r => r.Name is "System.Net.Http" or "System.Data.Common" or "System.Net.Sockets");
    }

    [Fact]
    public void The_contracts_reference_only_the_base_library() =>
        Assert.All(typeof(CarrierEvent).Assembly.GetReferencedAssemblies(), reference =>
            Assert.True(reference.Name!.StartsWith("System.", StringComparison.Ordinal), $"the contracts reference {reference.Name}"));

    [Fact]
    public void The_applied_migrations_hold_their_own_sql()
    {
        // A constant is compiled into the code that reads it, so this rule is about the source, not the assembly.
        var migrations = Path.Combine(RepositoryRoot(), "src", "SlaMonitor.Infrastructure", "Persistence", "Migrations");

        var readers = Directory.EnumerateFiles(migrations, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("QuartzSchema", StringComparison.Ordinal)).ToList();

        Assert.True(Directory.EnumerateFiles(migrations, "*QuartzScheduler.cs", SearchOption.AllDirectories).Any());
        Assert.Empty(readers);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SlaMonitor.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"no SlaMonitor.sln above {AppContext.BaseDirectory}");
    }
}
