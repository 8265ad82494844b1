using System.Text;
using System.Text.Encodings.Web;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The passage of a text where a query's words are densest, HTML-encoded, the words found in <c>&lt;mark&gt;</c>:
/// the text is read again with the index's analyzers, so <c>pembangunan</c> is marked for the query <c>bangun</c>.
/// </summary>
internal sealed class Snippets
{
    private const int Length = 240;
    private const int Lead = 40;

    /// <summary>How much of a text is read for its passage: a long OCR text or body costs no more than this.</summary>
    private const int Searched = 20_000;

    private readonly HashSet<(string Field, string Term)> _terms = [];
    private readonly List<(string Field, string Prefix)> _prefixes = [];

    public Snippets(Query? query)
    {
        if (query is not null)
        {
            Collect(query);
        }
    }

    /// <summary>A snippet from the first of <paramref name="texts"/> (field, text) that has a match, else the start of the first text.</summary>
    public string Make(IEnumerable<(string Field, string? Text)> texts)
    {
        string? fallback = null;
        foreach (var (field, text) in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            fallback ??= text;
            var read = text.Length > Searched ? text[..Searched] : text;
            var spans = Matches(field, read);
            if (spans.Count > 0)
            {
                return Render(read, spans);
            }
        }

        return fallback is null ? "" : Render(fallback.Length > Searched ? fallback[..Searched] : fallback, []);
    }

    private List<(int Start, int End)> Matches(string field, string text)
    {
        var spans = new SortedSet<(int Start, int End)>();
        if (_terms.Count + _prefixes.Count == 0)
        {
            return [];
        }

        // Read as the index reads it: each word as written and as its stem, at the same offsets.
        using var stream = Analyzers.Index.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (_terms.Contains((field, word)) || _prefixes.Any(p => p.Field == field && word.StartsWith(p.Prefix, StringComparison.Ordinal)))
            {
                spans.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return [.. spans];
    }

    private static string Render(string text, List<(int Start, int End)> spans)
    {
        // The window that holds the most matches, starting a little before its first one, at a word.
        var start = 0;
        if (spans.Count > 0)
        {
            var best = 0;
            var bestCount = 0;
            for (var i = 0; i < spans.Count; i++)
            {
                var count = spans.Skip(i).TakeWhile(s => s.End <= spans[i].Start - Lead + Length).Count();
                if (count > bestCount)
                {
                    (best, bestCount) = (i, count);
                }
            }

            var first = spans[best].Start;
            start = Math.Max(0, first - Lead);
            var space = start == 0 ? -1 : text.IndexOf(' ', start, first - start);
            start = space < 0 ? start : space + 1;
        }

        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space > start ? space : end;
        }

        var html = new StringBuilder(Length + 64);
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        foreach (var (s, e) in spans.Where(s => s.Start >= start && s.End <= end))
        {
            html.Append(HtmlEncoder.Default.Encode(text[at..s])).Append("<mark>").Append(HtmlEncoder.Default.Encode(text[s..e])).Append("</mark>");
            at = e;
        }

        html.Append(HtmlEncoder.Default.Encode(text[at..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private void Collect(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query);
                }

                break;
            case ConstantScoreQuery { Query: { } inner }:
                Collect(inner);
                break;
            case BudgetedQuery budgeted:
                Collect(budgeted.Inner);
                break;
            case TermQuery term:
                _terms.Add((term.Term.Field, term.Term.Text));
                break;
            case PhraseQuery phrase:
                foreach (var term in phrase.GetTerms())
                {
                    _terms.Add((term.Field, term.Text));
                }

                break;
            case MultiPhraseQuery phrase:
                foreach (var term in phrase.GetTermArrays().SelectMany(t => t))
                {
                    _terms.Add((term.Field, term.Text));
                }

                break;
            case PrefixQuery prefix:
                _prefixes.Add((prefix.Prefix.Field, prefix.Prefix.Text));
                break;
        }
    }
}
