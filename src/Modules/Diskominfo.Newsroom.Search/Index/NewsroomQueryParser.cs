using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The search syntax, a fixed subset read by hand (no Lucene query parser behind it), over every searched field at
/// once. All of these must match:
/// <list type="bullet">
/// <item><c>bangun</c>: a word, looked for by its stem (<c>dibangun</c>, <c>pembangunan</c>);</item>
/// <item><c>"jembatan gantung"</c>: a phrase, the words as written and next to each other;</item>
/// <item><c>pemba*</c>: a prefix of at least <see cref="MinPrefixLength"/> letters or digits, standing for the
/// <see cref="MaxPrefixTerms"/> most frequent words that start with it;</item>
/// <item><c>-kayu</c>, <c>-"tali gantung"</c>: leaves out what has it.</item>
/// </list>
/// Anything else is text, read like any word: punctuation separates words, and words joined by it must stand next to
/// each other (<c>489/0001/DISKOMINFO/2026</c>, <c>e-ktp</c>, <c>bangun~2</c>, <c>judul:jembatan</c>). So regular
/// expressions, ranges, fuzzy and boost operators, field names, leading or inner wildcards and backslashes are never
/// syntax, and no query can ask the index for more than its words.
/// </summary>
internal static class NewsroomQueryParser
{
    private const string AllFields = "_all";

    /// <summary>The shortest prefix a <c>*</c> expands; a shorter one is searched as the word itself.</summary>
    public const int MinPrefixLength = 2;

    /// <summary>How many words one prefix stands for at most (the most frequent ones), per field.</summary>
    public const int MaxPrefixTerms = 50;

    /// <summary>How many of a field's words one prefix may look at to choose them (see also <see cref="SearchBudget.PrefixScan"/>).</summary>
    public const int MaxPrefixScan = 10_000;

    /// <summary>The clauses of a query as typed, and how many words it holds (a phrase counts each of its words).</summary>
    public static ParsedQuery Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<QueryClause>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                excluded = true;
                i++;
            }

            if (text[i] == '"')
            {
                // A phrase runs to the closing quote; one left open runs to the end.
                var close = text.IndexOf('"', i + 1);
                var inside = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                i = close < 0 ? text.Length : close + 1;
                var words = Words(inside);
                if (words.Count > 0)
                {
                    clauses.Add(new QueryClause(words.Count == 1 ? ClauseKind.Exact : ClauseKind.Phrase, words, excluded));
                }

                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var chunk = text[i..end];
            i = end;
            if (Prefix(chunk) is { } prefix)
            {
                clauses.Add(new QueryClause(ClauseKind.Prefix, [prefix], excluded));
                continue;
            }

            var parts = Words(chunk);
            if (parts.Count == 1)
            {
                clauses.Add(new QueryClause(ClauseKind.Word, parts, excluded));
            }
            else if (parts.Count > 1)
            {
                clauses.Add(new QueryClause(ClauseKind.Phrase, parts, excluded));
            }
        }

        return new ParsedQuery(clauses, clauses.Sum(c => c.Words.Count));
    }

    /// <summary>
    /// The Lucene query of what was typed, each clause spending <paramref name="budget"/>; null when nothing is left to
    /// look for (only stop words or punctuation, or only exclusions, which narrow other words but find nothing alone).
    /// </summary>
    public static Query? Build(ParsedQuery parsed, SearchBudget budget)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var query = new BooleanQuery(disableCoord: true);
        var positive = 0;
        foreach (var clause in parsed.Clauses)
        {
            if (Clause(clause, budget) is not { } built)
            {
                continue;
            }

            query.Add(new BudgetedQuery(built, budget), clause.Excluded ? Occur.MUST_NOT : Occur.MUST);
            positive += clause.Excluded ? 0 : 1;
        }

        return positive == 0 ? null : query;
    }

    /// <summary>The words of a text as written (lower case), as the index keeps them.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = Analyzers.Plain.GetTokenStream(AllFields, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    // "pemba*": one word of letters and digits, long enough, then one star.
    private static string? Prefix(string chunk)
    {
        if (chunk.Length < MinPrefixLength + 1 || chunk[^1] != '*')
        {
            return null;
        }

        var stem = chunk[..^1];
        var words = Words(stem);
        return words.Count == 1 && words[0].Length == stem.Length && words[0].Length >= MinPrefixLength ? words[0] : null;
    }

    private static BooleanQuery? Clause(QueryClause clause, SearchBudget budget) => clause.Kind switch
    {
        ClauseKind.Word => Stemmed(clause.Words[0]) is { } stem ? Across(f => new TermQuery(new Term(f, stem))) : null,
        ClauseKind.Exact => Across(f => new TermQuery(new Term(f, clause.Words[0]))),
        ClauseKind.Phrase => Across(f =>
        {
            var phrase = new PhraseQuery();
            foreach (var word in clause.Words)
            {
                phrase.Add(new Term(f, word));
            }

            return phrase;
        }),
        ClauseKind.Prefix => Across(f => new PrefixQuery(new Term(f, clause.Words[0])) { MultiTermRewriteMethod = new FrequentTermsRewrite(budget) }),
        _ => null,
    };

    /// <summary>A word's Indonesian stem, as the index keeps it beside the word; null for a stop word.</summary>
    private static string? Stemmed(string word)
    {
        using var stream = Analyzers.Stemmed.GetTokenStream(AllFields, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stem = stream.IncrementToken() ? term.ToString() : null;
        stream.End();
        return stem;
    }

    private static BooleanQuery Across(Func<string, Query> build)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in Fields.Searched)
        {
            var query = build(field);
            query.Boost = boost;
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    /// <summary>
    /// A prefix stands for the most frequent words that start with it, as plain term queries (so a prefix costs what
    /// that many words cost, and its words are marked in the snippets).
    /// </summary>
    private sealed class FrequentTermsRewrite(SearchBudget budget) : MultiTermQuery.RewriteMethod
    {
        public override Query Rewrite(IndexReader reader, MultiTermQuery query)
        {
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            var scanned = 0;
            foreach (var leaf in reader.Leaves)
            {
                var terms = leaf.AtomicReader.GetTerms(query.Field);
                if (terms is null)
                {
                    continue;
                }

                var words = GetTermsEnum(query, terms, new Lucene.Net.Util.AttributeSource());
                while (scanned < MaxPrefixScan && budget.PrefixScanLeft > 0 && words.MoveNext())
                {
                    scanned++;
                    budget.PrefixScanLeft--;
                    budget.Tick();
                    var word = words.Term.Utf8ToString();
                    frequencies[word] = frequencies.GetValueOrDefault(word) + words.DocFreq;
                }
            }

            var any = new BooleanQuery(disableCoord: true);
            foreach (var (word, _) in frequencies.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(MaxPrefixTerms))
            {
                any.Add(new TermQuery(new Term(query.Field, word)), Occur.SHOULD);
            }

            return new ConstantScoreQuery(any) { Boost = query.Boost };
        }
    }
}
