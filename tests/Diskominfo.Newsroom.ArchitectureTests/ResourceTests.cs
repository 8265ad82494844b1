using System.Xml.Linq;

namespace Diskominfo.Newsroom.ArchitectureTests;

/// <summary>The interface's English texts: one entry per Indonesian text (resource names are matched without regard to case).</summary>
public sealed class ResourceTests
{
    [Fact]
    public void DeskTextEnglish_HasNoTwoEntriesForTheSameText()
    {
        var path = Path.Combine(ModuleBoundaryTests.Root, "src", "Diskominfo.Newsroom.Infrastructure", "Localization", "DeskText.en.resx");
        var names = XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var duplicates = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.NotEmpty(names);
        Assert.Empty(duplicates);
    }
}
