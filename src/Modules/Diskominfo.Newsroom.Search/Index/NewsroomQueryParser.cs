using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The query syntax people type, over every searched field at once: a word is looked for by its stem
/// (<c>bangun</c> finds <c>dibangun</c>), a quoted phrase and a <c>prefix*</c> by the words as written, so
/// <c>"jembatan gantung"</c> finds exactly that and <c>pemba*</c> finds <c>pembangunan</c>. All words must match.
/// </summary>
internal sealed class NewsroomQueryParser : QueryParser
{
    private const string AllFields = "_all";

    public NewsroomQueryParser()
        : base(Analyzers.Version, AllFields, Analyzers.Stemmed)
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

    /// <summary>The words of a text as written (lower case), as the index keeps them.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = Analyzers.Plain.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted)
    {
        if (field != AllFields)
        {
            return base.GetFieldQuery(field, queryText, quoted);
        }

        if (!quoted)
        {
            return Across(f => base.GetFieldQuery(f, queryText, quoted))!;
        }

        // An exact phrase: the words as written, next to each other.
        var words = Words(queryText);
        return Across(f =>
        {
            if (words.Count == 0)
            {
                return null;
            }

            if (words.Count == 1)
            {
                return new TermQuery(new Term(f, words[0]));
            }

            var phrase = new PhraseQuery();
            foreach (var word in words)
            {
                phrase.Add(new Term(f, word));
            }

            return phrase;
        })!;
    }

    protected override Query GetPrefixQuery(string field, string termStr)
        => field != AllFields
            ? base.GetPrefixQuery(field, termStr)
            : Across(f => new PrefixQuery(new Term(f, termStr.ToLowerInvariant())))!;

    protected override Query GetWildcardQuery(string field, string termStr)
        => field != AllFields
            ? base.GetWildcardQuery(field, termStr)
            : Across(f => new WildcardQuery(new Term(f, termStr.ToLowerInvariant())))!;

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity)
        => field != AllFields
            ? base.GetFuzzyQuery(field, termStr, minSimilarity)
            : Across(f => base.GetFuzzyQuery(f, termStr, minSimilarity))!;

    // Null when the words are only stop words: the parser then leaves the clause out.
    private static BooleanQuery? Across(Func<string, Query?> build)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields.Searched)
        {
            if (build(field) is { } query)
            {
                query.Boost = boost;
                any.Add(query, Occur.SHOULD);
            }
        }

        return any.Clauses.Count == 0 ? null : any;
    }
}
