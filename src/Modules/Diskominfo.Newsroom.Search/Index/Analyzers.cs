using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// How text is read. Words are runs of letters and digits, lower-cased as they are read ("Jembatan-gantung" is
/// "jembatan" "gantung"; "489/0001/DISKOMINFO/2026" is four words). The index keeps every word twice at the same
/// position, as written and as its Indonesian stem (Lucene's Indonesian stemmer: <c>pembangunan</c>,
/// <c>membangun</c> and <c>dibangun</c> are all <c>bangun</c>), so one field answers both kinds of question: a
/// query's words are looked up by their stems, an exact phrase or a prefix by the words as written. Stop words
/// stay in the index (phrases keep them) and leave the queries.
/// </summary>
internal static class Analyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Index time: each word as written and, when it differs, its stem at the same position.</summary>
    public static Analyzer Index { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new WordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new StemTwinFilter(tokenizer));
    });

    /// <summary>Query words: stop words dropped, the rest stemmed.</summary>
    public static Analyzer Stemmed { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new WordTokenizer(reader);
        TokenStream stream = new StopFilter(Version, tokenizer, IndonesianAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, new IndonesianStemFilter(stream));
    });

    /// <summary>Exact phrases and prefixes: the words as written, lower case.</summary>
    public static Analyzer Plain { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new WordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, tokenizer);
    });

    /// <summary>Runs of letters and digits, lower-cased; several times faster than the Unicode word-break tokenizer.</summary>
    private sealed class WordTokenizer(TextReader reader) : CharTokenizer(Version, reader)
    {
        protected override bool IsTokenChar(int c)
            => c < 0x10000 ? char.IsLetterOrDigit((char)c) : Rune.IsLetterOrDigit(new Rune(c));

        protected override int Normalize(int c) => c < 0x10000 ? char.ToLowerInvariant((char)c) : c;
    }
}
