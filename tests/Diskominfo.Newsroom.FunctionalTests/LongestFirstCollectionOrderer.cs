using Diskominfo.Newsroom.FunctionalTests;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(LongestFirstCollectionOrderer))]

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Starts the longest test collections first, then the others in xunit's own (random) order. xunit runs a few
/// collections at a time (<c>maxParallelThreads</c>), each holding its slot until its last test ends; in xunit's random
/// order the browser collection or the two-node tests sometimes started last and ran alone for minutes with the other
/// slots idle. Longest first, the short classes fill the gaps at the end instead.
/// </summary>
/// <remarks>
/// The list holds the classes that took minutes in earlier whole runs, longest first; a collection missing from it only
/// starts later, it still runs. Keep the list to the few that take minutes. <c>TwoNodeTests</c> stays out: it times
/// pages going live on two nodes within a second, and started beside the browser collection it once missed that.
/// </remarks>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        BrowserCollection.Name,
        ClassCollection(typeof(LookupFaultTests)),
        ClassCollection(typeof(CrashTests)),
        ClassCollection(typeof(RestoreDrillTests)),
        ClassCollection(typeof(UpgradeTests)),
        ClassCollection(typeof(AccountAdminTests)),
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection
    {
        ArgumentNullException.ThrowIfNull(testCollections);
        var rest = DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections);
        return [.. rest.OrderBy(collection => Rank(collection))]; // a stable sort: the others keep xunit's order
    }

    private static int Rank(ITestCollection collection)
    {
        var name = collection.TestCollectionDisplayName;
        var index = Array.FindIndex(Longest, n => name == n || name.StartsWith(n + " (", StringComparison.Ordinal));
        return index < 0 ? Longest.Length : index;
    }

    /// <summary>
    /// The display name xunit gives the collection of a class without a <c>[Collection]</c> of its own (followed by
    /// " (id: ...)").
    /// </summary>
    private static string ClassCollection(Type testClass) => $"Test collection for {testClass.FullName}";
}
