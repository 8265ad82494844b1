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

            ITopDocsCollector top = sort == SearchSort.Relevance
                ? TopScoreDocCollector.Create(wanted, docsScoredInOrder: false)
                : TopFieldCollector.Create(
                    new Sort(new SortField(Fields.DateSort, SortFieldType.INT64, reverse: sort == SearchSort.Newest), SortField.FIELD_SCORE),
                    wanted, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCollector(FacetFields);
            var partial = false;
            try
            {
                searcher.Search(query, new BudgetedCollector(MultiCollector.Wrap(top, facets), budget));
            }
            catch (SearchTimeLimitException)
            {
                partial = true;
            }

            var page = top.GetTopDocs((pageNumber - 1) * pageSize, pageSize);
            var snippets = new Snippets(words);
            var hits = page.ScoreDocs
                .Select(hit => ToHit(searcher.Doc(hit.Doc), FacetCollector.ValuesOf(searcher.IndexReader, hit.Doc, FacetFields), hit.Score, snippets))
                .ToList();
            return new SearchResults(hits, facets.Result(FacetValues), top.TotalHits, pageNumber, pageSize) { Partial = partial };
        });
        return Task.FromResult(results);
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

    /// <summary>The filters on a document's own values, each read by document from the field cache.</summary>
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
                yield return new FieldCacheTermsFilter(field, value.Trim());
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
