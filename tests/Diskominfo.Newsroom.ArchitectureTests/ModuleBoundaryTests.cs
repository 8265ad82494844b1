using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Diskominfo.Newsroom.ArchitectureTests;

/// <summary>
/// The module rules of the house style: a module owns its feature end to end and talks to the others only
/// through the contracts in Abstractions (interfaces and events), never through their projects or tables.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    internal static readonly string Root = FindRoot();

    private static readonly string[] Modules = Directory.GetDirectories(Path.Combine(Root, "src", "Modules"))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] SharedProjects = ["Diskominfo.Newsroom.Abstractions", "Diskominfo.Newsroom.Infrastructure"];

    public static TheoryData<string> ModuleNames() => new(Modules);

    [Fact]
    public void Layout_HasTheModulesOfTheBrief()
    {
        foreach (var name in new[] { "Content", "Editorial", "Media", "Publishing", "Archive", "Users", "Audit" })
        {
            Assert.Contains($"Diskominfo.Newsroom.{name}", Modules);
        }

        Assert.True(File.Exists(Path.Combine(Root, "Diskominfo.Newsroom.sln")));
        Assert.True(Directory.Exists(Path.Combine(Root, "themes", "Diskominfo.Newsroom.Theme")));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_ReferencesOnlyAbstractionsAndInfrastructure(string module)
    {
        var references = ProjectReferences(Path.Combine(Root, "src", "Modules", module, module + ".csproj"));
        Assert.All(references, r => Assert.Contains(r, SharedProjects));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void ModuleAssembly_DoesNotLoadAnotherModule(string module)
    {
        var assembly = Assembly.Load(module);
        var others = assembly.GetReferencedAssemblies().Select(a => a.Name).Where(n => n != module && Modules.Contains(n)).ToList();
        Assert.Empty(others);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void ModuleSource_DoesNotNameAnotherModulesNamespace(string module)
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Root, "src", "Modules", module), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Modules.Where(m => m != module && File.ReadAllText(f).Contains(m + ".", StringComparison.Ordinal)).Select(m => $"{f} names {m}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void ModuleTables_CarryTheModulePrefix(string module)
    {
        // Table names are declared in the module's DbContext; every ToTable("...") must start with "<module>_".
        var prefix = module.Replace("Diskominfo.Newsroom.", "", StringComparison.Ordinal).ToLowerInvariant() + "_";
        var contexts = Directory.EnumerateFiles(Path.Combine(Root, "src", "Modules", module, "Data"), "*DbContext.cs");
        var tables = contexts.SelectMany(f => TableName().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.StartsWith(prefix, t, StringComparison.Ordinal));
    }

    [Fact]
    public void ModelSnapshots_LiveBesideTheirMigrations()
    {
        // EF Core writes a new migration's snapshot where the old one is: a snapshot in a namespace-shaped folder stays
        // there for good, away from the migrations it sums up. Every snapshot sits in the folder of its migrations.
        var snapshots = new[] { Path.Combine(Root, "src"), Path.Combine(Root, "themes") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*ModelSnapshot.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(snapshots.Count >= 2 * Modules.Length, $"{snapshots.Count} snapshots for {Modules.Length} modules");
        var strays = snapshots
            .Where(f => Directory.GetFiles(Path.GetDirectoryName(f)!, "*.Designer.cs").Length == 0
                || f.Contains($"{Path.DirectorySeparatorChar}Diskominfo{Path.DirectorySeparatorChar}Newsroom{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void Abstractions_DependOnNothingOfOurs()
        => Assert.Empty(ProjectReferences(Path.Combine(Root, "src", "Diskominfo.Newsroom.Abstractions", "Diskominfo.Newsroom.Abstractions.csproj")));

    [Fact]
    public void Theme_ReadsContentOnlyThroughContracts()
    {
        var references = ProjectReferences(Path.Combine(Root, "themes", "Diskominfo.Newsroom.Theme", "Diskominfo.Newsroom.Theme.csproj"));
        Assert.All(references, r => Assert.DoesNotContain(r, Modules));
    }

    [Fact]
    public void ProgramCs_StaysShort()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "src", "Diskominfo.Newsroom", "Program.cs")).Count(l => !string.IsNullOrWhiteSpace(l));
        Assert.InRange(lines, 1, 60);
    }

    private static List<string> ProjectReferences(string csproj)
        => XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Diskominfo.Newsroom.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Diskominfo.Newsroom.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""ToTable\("([^"]+)"\)""")]
    private static partial Regex TableName();
}
