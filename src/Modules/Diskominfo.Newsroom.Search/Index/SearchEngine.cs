using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Searches the node's index. Staff who see all work search every item's working version; a reporter, their own
/// items and those archived or published; the public, published versions only.
/// </summary>
internal sealed class SearchEngine(SearchIndex index, IOptions<SearchOptions> options) : ISearchEngine
{
    private const int FacetValues = 50;

    /// <summary>The words of an outlet's name looked for (each within a typo or two); outlets' names are short.</summary>
    private const int MaxOutletWords = 8;

    private static readonly Filter StaffOnly = Scope(Fields.StaffScope);

    private static readonly Filter PublicOnly = Scope(Fields.PublicScope);

    private static readonly string[] FacetFields =
        [Fields.Type, Fields.Outlet, Fields.MediaType, Fields.Category, Fields.Tone, Fields.Year, Fields.Month, Fields.Classification];

    /// <summary>Reads once what every search needs of each segment: its facet values and its scope sets (both cached per segment).</summary>
    internal static void Warm(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            FacetCollector.Warm(leaf.AtomicReader, FacetFields);
            _ = StaffOnly.GetDocIdSet(leaf, null);
            _ = PublicOnly.GetDocIdSet(leaf, null);
        }
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, Actor? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The callers check the bounds and say what is wrong (ISearchInput); here they are only held, whoever calls.
        var pageSize = Math.Clamp(request.PageSize, 1, SearchLimits.MaxPageSize);
        var pageNumber = Math.Clamp(request.Page, 1, SearchLimits.MaxDepth / pageSize);
        var typed = request.Query?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, SearchLimits.MaxQueryLength)] : null;
        var budget = SearchBudget.For(options.Value.TimeLimit, cancellationToken);
        var text = typed is null ? null : NewsroomQueryParser.Build(Bounded(NewsroomQueryParser.Read(typed)), budget);
        if (typed is not null && text is null)
        {
            // Only stop words ("yang", "di"), punctuation or exclusions: nothing to look for.
            return Task.FromResult(new SearchResults([], FacetFields.ToDictionary(f => f, IReadOnlyList<FacetCount> (_) => []), 0, pageNumber, pageSize));
        }

        var sort = request.Sort == SearchSort.Relevance && text is null ? SearchSort.Newest : request.Sort;
        var wanted = pageNumber * pageSize;
        var results = index.Search(searcher =>
        {
            // Prefixes become their words once, for the search and for the snippets alike; the time spent counts.
            Query? words;
            try
            {
                words = text is null ? null : searcher.Rewrite(text);
            }
            catch (SearchTimeLimitException)
            {
                return new SearchResults([], FacetFields.ToDictionary(f => f, IReadOnlyList<FacetCount> (_) => []), 0, pageNumber, pageSize) { Partial = true };
            }

            // The scope (staff or public, a bit set cached per segment) and the filters read by document (type, tone,
            // dates...) are the documents the words' own scorers may accept; the filters that are queries (the owner,
            // an outlet's near spellings) join as unscored clauses.
            var scoped = new ScopedQuery(words ?? new MatchAllDocsQuery(), [actor is null ? PublicOnly : StaffOnly, .. ByDocument(request)]);
            var filters = Queries(request, actor).ToList();
            Query query = scoped;
            if (filters.Count > 0)
            {
                var all = new BooleanQuery { { scoped, Occur.MUST } };
                foreach (var filter in filters)
                {
                    all.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
                }

                query = all;
            }

            // The filters' words (an outlet's near spellings) too, before the matches are looked through; those get
            // at least half the time limit, however long reading the query took (a cold start, a pause of the machine).
            query = searcher.Rewrite(query);
            budget.Reserve(options.Value.TimeLimit / 2);

            var weight = searcher.CreateNormalizedWeight(query);
            var sorted = sort == SearchSort.Relevance
                ? null
                : new Sort(new SortField(Fields.DateSort, SortFieldType.INT64, reverse: sort == SearchSort.Newest), SortField.FIELD_SCORE);
            var slices = Slices(searcher.IndexReader.Leaves, ThreadsFor(actor), options.Value.MinSliceDocuments);
            var parts = slices.Select(_ => new SlicePart(sorted, wanted)).ToArray();
            var others = Enumerable.Range(1, slices.Count - 1).Select(i => Task.Run(() => parts[i].Search(slices[i], weight, budget), CancellationToken.None)).ToList();
            try
            {
                parts[0].Search(slices[0], weight, budget);
            }
            finally
            {
                // Every run ends (the budget stops them at the deadline or cancellation) before the searcher is released.
                Task.WhenAll(others).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            }

            foreach (var other in others)
            {
                other.GetAwaiter().GetResult(); // a run's failure (the request cancelled) as it was thrown
            }

            var merged = TopDocs.Merge(sorted, (pageNumber - 1) * pageSize, pageSize, parts.Select(p => p.Top.GetTopDocs(0, wanted)).ToArray());
            var snippets = new Snippets(words);
            // The page's stored fields and snippets, on as many threads as the runs (about 0.1 ms a hit).
            var hits = new SearchHit[merged.ScoreDocs.Length];
            Parallel.For(0, hits.Length, new ParallelOptions { MaxDegreeOfParallelism = slices.Count, CancellationToken = cancellationToken }, i =>
            {
                var hit = merged.ScoreDocs[i];
                hits[i] = ToHit(searcher.Doc(hit.Doc), FacetCollector.ValuesOf(searcher.IndexReader, hit.Doc, FacetFields), hit.Score, snippets);
            });
            var facets = FacetCollector.Result(parts.Select(p => p.Facets).ToList(), FacetValues);
            return new SearchResults(hits, facets, merged.TotalHits, pageNumber, pageSize) { Partial = parts.Any(p => p.Partial) };
        });
        return Task.FromResult(results);
    }

    /// <summary>
    /// How many threads a search may run on: the public's stay on one, so an anonymous search's CPU time stays within
    /// its budget (two threads running to the time limit would spend twice it); only staff search the whole archive.
    /// </summary>
    internal int ThreadsFor(Actor? actor) => actor is null ? 1 : Math.Max(1, options.Value.Threads);

    /// <summary>
    /// The index's segments in contiguous runs of about equal documents, at most <paramref name="threads"/> (each run
    /// as near its share of the documents left as whole segments allow), and none smaller than
    /// <paramref name="minDocuments"/> documents on average: a rebuilt index has one segment per core, so on two cores
    /// a search of a million clippings is two half searches side by side. Contiguous, so that hits with equal scores
    /// still come in document order once the runs' hits are merged.
    /// </summary>
    internal static List<List<AtomicReaderContext>> Slices(IList<AtomicReaderContext> leaves, int threads, int minDocuments)
    {
        long left = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var count = (int)Math.Clamp(Math.Min(threads, left / Math.Max(1, minDocuments)), 1, Math.Max(1, leaves.Count));
        var slices = new List<List<AtomicReaderContext>>(count);
        var current = new List<AtomicReaderContext>();
        long documents = 0;
        var target = (double)left / count;
        foreach (var leaf in leaves)
        {
            // A run ends where the next segment would take it further from its share than it is.
            var size = leaf.AtomicReader.MaxDoc;
            if (current.Count > 0 && slices.Count < count - 1 && Math.Abs(documents + size - target) > Math.Abs(documents - target))
            {
                slices.Add(current);
                left -= documents;
                target = (double)left / (count - slices.Count);
                (current, documents) = ([], 0);
            }

            current.Add(leaf);
            documents += size;
        }

        slices.Add(current);
        return slices;
    }

    /// <summary>
    /// One run of segments searched on one thread: its own top hits and facet counts, merged with the other runs' at
    /// the end (scores are comparable: the weight, and so each word's rarity, is the whole index's).
    /// </summary>
    private sealed class SlicePart(Sort? sort, int wanted)
    {
        public ITopDocsCollector Top { get; } = sort is null
            ? TopScoreDocCollector.Create(wanted, docsScoredInOrder: false)
            : TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);

        public FacetCollector Facets { get; } = new(FacetFields);

        public bool Partial { get; private set; }

        /// <summary>What <see cref="IndexSearcher"/> does with a weight and a collector, over this run's segments only.</summary>
        public void Search(List<AtomicReaderContext> leaves, Weight weight, SearchBudget budget)
        {
            var collector = new PageCollector(Top, Facets, budget);
            try
            {
                foreach (var leaf in leaves)
                {
                    collector.SetNextReader(leaf);
                    weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
                }
            }
            catch (SearchTimeLimitException)
            {
                Partial = true;
            }
        }
    }

    /// <summary>The clauses of a query up to <see cref="SearchLimits.MaxWords"/> words.</summary>
    private static ParsedQuery Bounded(ParsedQuery parsed)
    {
        if (parsed.WordCount <= SearchLimits.MaxWords)
        {
            return parsed;
        }

        var kept = new List<QueryClause>();
        var words = 0;
        foreach (var clause in parsed.Clauses)
        {
            if (words + clause.Words.Count > SearchLimits.MaxWords)
            {
                break;
            }

            kept.Add(clause);
            words += clause.Words.Count;
        }

        return new ParsedQuery(kept, words);
    }

    private static RandomAccessCachingFilter Scope(string scope)
        => new(new QueryWrapperFilter(new TermQuery(new Term(Fields.Key, Fields.Tag(Fields.Scope, scope)))));

    /// <summary>The filters on a document's own values: a facet value's bit set, a range of dates from the field cache.</summary>
    private static IEnumerable<Filter> ByDocument(SearchRequest request)
    {
        foreach (var (field, value) in new[]
                 {
                     (Fields.Type, request.Type), (Fields.MediaType, request.MediaType), (Fields.Category, request.Category),
                     (Fields.Tone, request.Tone), (Fields.Classification, request.Classification),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return new FacetValueFilter(field, value.Trim());
            }
        }

        if (request.From is not null || request.To is not null)
        {
            yield return FieldCacheRangeFilter.NewInt64Range(Fields.DateSort, request.From?.DayNumber, request.To?.DayNumber, true, true);
        }
    }

    /// <summary>The filters that are queries: whose work a reporter sees, and the outlet's near spellings.</summary>
    private static IEnumerable<Query> Queries(SearchRequest request, Actor? actor)
    {
        if (actor is { SeesAllWork: false })
        {
            yield return new BooleanQuery
            {
                { new TermQuery(new Term(Fields.Key, Fields.Tag(Fields.Owner, actor.UserId))), Occur.SHOULD },
                { new TermQuery(new Term(Fields.Key, Fields.Tag(Fields.Shared, "1"))), Occur.SHOULD },
            };
        }

        if (!string.IsNullOrWhiteSpace(request.Outlet))
        {
            yield return Outlet(request.Outlet);
        }
    }

    /// <summary>
    /// The outlet as written, or near it: every word of the name within one typo (two for long words), so
    /// "Suara Rya" and "Harian Suarra Raya" find "Harian Suara Raya".
    /// </summary>
    private static BooleanQuery Outlet(string outlet)
    {
        var near = new BooleanQuery();
        foreach (var word in NewsroomQueryParser.Words(outlet).Take(MaxOutletWords))
        {
            var edits = word.Length switch { <= 2 => 0, <= 5 => 1, _ => 2 };
            near.Add(edits == 0 ? new TermQuery(new Term(Fields.OutletText, word)) : new FuzzyQuery(new Term(Fields.OutletText, word), edits), Occur.MUST);
        }

        return near;
    }

    // The facet values come in the order of FacetFields.
    private static SearchHit ToHit(Document document, string?[] facets, float score, Snippets snippets)
        => new(
            Guid.ParseExact(document.Get(Fields.Id), "N"),
            facets[0] ?? "",
            document.Get(Fields.Title) ?? "",
            snippets.Make([(Fields.Text, document.Get(Fields.Text)), (Fields.Lead, document.Get(Fields.Lead))]),
            DateOnly.FromDayNumber(document.GetField(Fields.Date).GetInt32Value() ?? 0),
            document.Get(Fields.Status),
            facets[1],
            facets[2],
            facets[3],
            facets[4],
            document.Get(Fields.Number),
            facets[7],
            document.Get(Fields.Slug),
            float.IsNaN(score) ? 0f : score);
}
