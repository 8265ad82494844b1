using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Two ways to read the same text. The stemmed fields use Lucene's Indonesian analyzer (stop words, and the stemmer
/// that makes <c>pembangunan</c>, <c>membangun</c> and <c>dibangun</c> one word, <c>bangun</c>); the
/// <c>*_plain</c> fields keep every word as written, for exact phrases, prefixes and typo-tolerant outlet names.
/// </summary>
internal static class Analyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string PlainSuffix = "_plain";

    public static Analyzer Plain { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
    });

    public static Analyzer Indonesian { get; } = new IndonesianAnalyzer(Version);

    /// <summary>The analyzer of the index and of queries: plain for <c>*_plain</c> fields, Indonesian for the rest.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(
        Indonesian,
        Fields.Searched.Values.ToDictionary(f => f.Plain, _ => Plain));

    public static Analyzer For(string field) => field.EndsWith(PlainSuffix, StringComparison.Ordinal) ? Plain : Indonesian;
}
