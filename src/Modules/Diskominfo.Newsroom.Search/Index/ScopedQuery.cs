using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The inner query over the documents of a scope (staff or public) and of the filters read by document (a tone, a
/// range of dates): the documents all of them accept are handed to the inner query's own scorers as the documents
/// they may accept, so a disjunction is still scored in bulk, out of order.
/// Lucene's <see cref="FilteredQuery"/> scores through an in-order scorer instead (its bulk scorer wraps the plain
/// one), which made a common word's search 40 % slower than the same search without a scope.
/// </summary>
/// <remarks>
/// Each <see cref="Filter"/> must give a set that can be read by document (<see cref="RandomAccessCachingFilter"/>,
/// <see cref="FacetValueFilter"/>, the field cache's filters); plain bit sets among them are joined into one per
/// segment and search.
/// </remarks>
internal sealed class ScopedQuery(Query inner, IReadOnlyList<Filter> scope) : WrappingQuery(inner)
{
    public IReadOnlyList<Filter> Scope => scope;

    protected override WrappingQuery Around(Query rewritten) => new ScopedQuery(rewritten, scope);

    public override Weight CreateWeight(IndexSearcher searcher) => new ScopedWeight(this, Inner.CreateWeight(searcher));

    public override string ToString(string field) => $"+scope({string.Join(", ", scope)}) {Inner.ToString(field)}";

    public override bool Equals(object? obj)
        => obj is ScopedQuery other && other.Boost == Boost && other.Scope.SequenceEqual(scope) && other.Inner.Equals(Inner);

    public override int GetHashCode() => HashCode.Combine(Inner, scope.Count, Boost);

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

        /// <summary>The segment's documents every filter and <paramref name="acceptDocs"/> (the live ones) accept, or null when none.</summary>
        private IBits? InScope(AtomicReaderContext context, IBits acceptDocs)
        {
            var all = new IBits[query.Scope.Count];
            for (var i = 0; i < all.Length; i++)
            {
                // The accepted documents go to the first filter only: its set holds them.
                if (query.Scope[i].GetDocIdSet(context, i == 0 ? acceptDocs : null) is not { } set)
                {
                    return null;
                }

                all[i] = set.Bits ?? throw new InvalidOperationException("A scope's filters must be readable by document.");
            }

            if (all.Length == 1)
            {
                return all[0];
            }

            // The plain bit sets (the scope's, a facet value's) become one, so a posting is checked by one read.
            var joined = default(FixedBitSet);
            var rest = new List<IBits>(all.Length);
            foreach (var bits in all)
            {
                if (bits is FixedBitSet set)
                {
                    if (joined is null)
                    {
                        joined = set.Clone();
                    }
                    else
                    {
                        joined.And(set);
                    }
                }
                else
                {
                    rest.Add(bits);
                }
            }

            if (joined is not null)
            {
                rest.Insert(0, joined);
            }

            return rest.Count == 1 ? rest[0] : new AllOf([.. rest]);
        }
    }

    /// <summary>The documents each of <paramref name="sets"/> holds.</summary>
    private sealed class AllOf(IBits[] sets) : IBits
    {
        public int Length => sets[0].Length;

        public bool Get(int index)
        {
            foreach (var set in sets)
            {
                if (!set.Get(index))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
