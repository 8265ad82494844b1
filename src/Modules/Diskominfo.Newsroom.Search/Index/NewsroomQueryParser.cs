using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The query syntax people type, over every searched field at once: a word is looked for in its stemmed form
/// (<c>bangun</c> finds <c>dibangun</c>), a quoted phrase and a <c>prefix*</c> in the words as written, so
/// <c>"jembatan gantung"</c> finds exactly that and <c>pemba*</c> finds <c>pembangunan</c>. All words must match.
/// </summary>
internal sealed class NewsroomQueryParser : QueryParser
{
    private const string AllFields = "_all";

    public NewsroomQueryParser()
        : base(Analyzers.Version, AllFields, Analyzers.PerField)
    {
        DefaultOperator = Operator.AND;
        AllowLeadingWildcard = false;
    }

    /// <summary>The parsed query; one the parser cannot read is taken word for word instead. Null when nothing is left to look for.</summary>
    public static Query? ParseOrLiteral(string text)
    {
        try
        {
            return new NewsroomQueryParser().Parse(text);
        }
        catch (ParseException)
        {
            return new NewsroomQueryParser().Parse(Escape(text));
        }
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
        => field != AllFields
            ? base.GetFieldQuery(field, queryText, quoted)
            : Across(f => base.GetFieldQuery(quoted ? f.Plain : f.Stemmed, queryText, quoted))!;

    protected override Query GetPrefixQuery(string field, string termStr)
        => field != AllFields
            ? base.GetPrefixQuery(field, termStr)
            : Across(f => new PrefixQuery(new Term(f.Plain, termStr.ToLowerInvariant())))!;

    protected override Query GetWildcardQuery(string field, string termStr)
        => field != AllFields
            ? base.GetWildcardQuery(field, termStr)
            : Across(f => new WildcardQuery(new Term(f.Plain, termStr.ToLowerInvariant())))!;

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
        => field != AllFields
            ? base.GetFuzzyQuery(field, termStr, minSimilarity)
            : Across(f => base.GetFuzzyQuery(f.Plain, termStr, minSimilarity))!;

    // Null when the words are only stop words: the parser then leaves the clause out.
    private static BooleanQuery? Across(Func<(string Stemmed, string Plain), Query?> build)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (stemmed, (plain, boost)) in Fields.Searched)
        {
            if (build((stemmed, plain)) is { } query)
            {
                query.Boost = boost;
                any.Add(query, Occur.SHOULD);
            }
        }

        return any.Clauses.Count == 0 ? null : any;
    }
}
