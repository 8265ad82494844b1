using System.Diagnostics;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Search.Index;
using Lucene.Net.Index;
using Fields = Diskominfo.Newsroom.Search.Index.Fields;
using Lucene.Net.Search;

/// <summary>
/// Where a search's time goes, on an index the search bench left (search --dir D): for the bench's 50 queries, the
/// whole engine (time limit lifted) against the matching alone, with the scope filter (a bit set, as the engine
/// applies it), with the top 20, with the facets, and the stored documents and snippets of the top 20; then the engine
/// alone for the bench's queries with a tone, and any first search over 50 ms.
/// </summary>
internal static class SearchProfile
{
    public static async Task<int> RunAsync(string path)
    {
        using var index = new SearchIndex(path);
        var engine = new SearchEngine(index, Microsoft.Extensions.Options.Options.Create(new SearchOptions { TimeLimit = TimeSpan.FromSeconds(10) }));
        var archivist = new Actor("bench", "arsiparis", "Arsiparis", new HashSet<string> { Diskominfo.Newsroom.Abstractions.Security.NewsroomRoles.Archivist });
        var segments = index.Search(s => s.IndexReader.Leaves.Count);
        Console.WriteLine($"index {path}: {segments} segments: {string.Join(", ", index.Search(s => s.IndexReader.Leaves.Select(l => l.AtomicReader.MaxDoc).ToList()))} documents");
        var facetFields = new[] { Fields.Type, Fields.Outlet, Fields.MediaType, Fields.Category, Fields.Tone, Fields.Year, Fields.Month, Fields.Classification };
        var names = new[] { "engine", "match", "match+scope", "+top20", "+facets", "docs+snippets" };
        var staff = new RandomAccessCachingFilter(new QueryWrapperFilter(new TermQuery(new Term(Fields.Key, Fields.Tag(Fields.Scope, Fields.StaffScope)))));
        var times = names.Select(_ => new List<double>()).ToArray();
        foreach (var round in Enumerable.Range(0, 3))
        {
            foreach (var (text, _, tone) in SearchBench.Queries().Where(q => q.Tone is null))
            {
                var watch = Stopwatch.StartNew();
                var results = await engine.SearchAsync(new SearchRequest(text), archivist, CancellationToken.None);
                var t0 = watch.Elapsed.TotalMilliseconds;
                var budget = SearchBudget.For(TimeSpan.FromSeconds(10), CancellationToken.None);
                var q = NewsroomQueryParser.Build(NewsroomQueryParser.Read(text), budget)!;
                var row = index.Search(searcher =>
                {
                    var w = Stopwatch.StartNew();
                    var words = searcher.Rewrite(q);
                    var count = new TotalHitCountCollector();
                    searcher.Search(words, count);
                    var a = w.Elapsed.TotalMilliseconds;
                    w.Restart();
                    var scoped = searcher.Rewrite(new ScopedQuery(words, [staff]));
                    searcher.Search(scoped, new TotalHitCountCollector());
                    var b = w.Elapsed.TotalMilliseconds;
                    w.Restart();
                    var top = TopScoreDocCollector.Create(20, docsScoredInOrder: false);
                    searcher.Search(scoped, top);
                    var c = w.Elapsed.TotalMilliseconds;
                    w.Restart();
                    var facets = new FacetCollector(facetFields);
                    searcher.Search(scoped, MultiCollector.Wrap(TopScoreDocCollector.Create(20, docsScoredInOrder: false), facets));
                    facets.Result(50);
                    var d = w.Elapsed.TotalMilliseconds;
                    w.Restart();
                    var snippets = new Snippets(words);
                    foreach (var hit in top.GetTopDocs().ScoreDocs)
                    {
                        var doc = searcher.Doc(hit.Doc);
                        _ = FacetCollector.ValuesOf(searcher.IndexReader, hit.Doc, facetFields);
                        _ = snippets.Make([(Fields.Text, doc.Get(Fields.Text)), (Fields.Lead, doc.Get(Fields.Lead))]);
                    }

                    return (a, b, c, d, w.Elapsed.TotalMilliseconds, count.TotalHits);
                });
                if (round == 0)
                {
                    if (t0 > 50)
                    {
                        Console.WriteLine($"cold: {text} engine {t0:0.0} ms (a first search of the process: its code being compiled)");
                    }

                    continue;
                }

                times[0].Add(t0);
                times[1].Add(row.a);
                times[2].Add(row.b);
                times[3].Add(row.c);
                times[4].Add(row.d);
                times[5].Add(row.Item5);
                if (round == 1)
                {
                    Console.WriteLine($"{text,-28} hits {results.Total,9:N0}  engine {t0,7:0.0}  match {row.a,7:0.0}  +scope {row.b,7:0.0}  +top {row.c,7:0.0}  +facets {row.d,7:0.0}  snippets {row.Item5,6:0.0} ms");
                }
            }
        }

        // The filtered queries of the bench (a word and a tone), the engine alone: the first time makes the tone's bit set.
        foreach (var round in Enumerable.Range(0, 3))
        {
            foreach (var (text, _, tone) in SearchBench.Queries().Where(q => q.Tone is not null))
            {
                var watch = Stopwatch.StartNew();
                var results = await engine.SearchAsync(new SearchRequest(text, Tone: tone), archivist, CancellationToken.None);
                Console.WriteLine($"{text + " +" + tone,-28} hits {results.Total,9:N0}  engine {watch.Elapsed.TotalMilliseconds,7:0.0} ms{(round == 0 ? " (first round)" : "")}");
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            times[i].Sort();
            Console.WriteLine($"{names[i],-14} p50 {times[i][times[i].Count / 2],7:0.0}  p95 {times[i][(int)(0.95 * (times[i].Count - 1))],7:0.0} ms");
        }

        return 0;
    }
}
