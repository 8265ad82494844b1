using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The inner query over the documents of a scope (staff or public): the scope's bit set is handed to the inner
/// query's own scorers as the documents they may accept, so a disjunction is still scored in bulk, out of order.
/// Lucene's <see cref="FilteredQuery"/> scores through an in-order scorer instead (its bulk scorer wraps the plain
/// one), which made a common word's search 40 % slower than the same search without a scope.
/// </summary>
/// <remarks>The scope's <see cref="Filter"/> must give a set that can be read by document (see <see cref="RandomAccessCachingFilter"/>).</remarks>
internal sealed class ScopedQuery(Query inner, Filter scope) : WrappingQuery(inner)
{
    public Filter Scope => scope;

    protected override WrappingQuery Around(Query rewritten) => new ScopedQuery(rewritten, scope);

    public override Weight CreateWeight(IndexSearcher searcher) => new ScopedWeight(this, Inner.CreateWeight(searcher));

    public override string ToString(string field) => $"+scope({scope}) {Inner.ToString(field)}";

    public override bool Equals(object? obj)
        => obj is ScopedQuery other && other.Boost == Boost && other.Scope.Equals(scope) && other.Inner.Equals(Inner);

    public override int GetHashCode() => HashCode.Combine(Inner, scope, Boost);

    private sealed class ScopedWeight(ScopedQuery query, Weight weight) : WrappingWeight(query, weight)
    {
        public override Explanation Explain(AtomicReaderContext context, int doc)
            => InScope(context, context.AtomicReader.LiveDocs) is { } bits && bits.Get(doc)
                ? Inner.Explain(context, doc)
                : new Explanation(0f, "outside the scope");

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
            => InScope(context, acceptDocs) is { } bits ? Inner.GetScorer(context, bits) : null;

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs)
            => InScope(context, acceptDocs) is { } bits ? Inner.GetBulkScorer(context, scoreDocsInOrder, bits) : null;

        /// <summary>The segment's documents in the scope and accepted (live), or null when there are none.</summary>
        private IBits? InScope(AtomicReaderContext context, IBits acceptDocs)
            => query.Scope.GetDocIdSet(context, acceptDocs) is { } set
                ? set.Bits ?? throw new InvalidOperationException("A scope must be readable by document.")
                : null;
    }
}
