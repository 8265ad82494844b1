using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>A query around another one: rewritten with it, with its terms and its scores (times its own boost).</summary>
internal abstract class WrappingQuery(Query inner) : Query
{
    public Query Inner => inner;

    /// <summary>The same wrapper around <paramref name="rewritten"/>.</summary>
    protected abstract WrappingQuery Around(Query rewritten);

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = inner.Rewrite(reader);
        if (ReferenceEquals(rewritten, inner))
        {
            return this;
        }

        var wrapped = Around(rewritten);
        wrapped.Boost = Boost;
        return wrapped;
    }

    public override void ExtractTerms(ISet<Term> terms) => inner.ExtractTerms(terms);

    /// <summary>The inner query's weight, normalized as if the wrapper's boost were on the inner query.</summary>
    protected abstract class WrappingWeight(Query query, Weight weight) : Weight
    {
        protected Weight Inner => weight;

        public override Query Query => query;

        public override bool ScoresDocsOutOfOrder => weight.ScoresDocsOutOfOrder;

        public override float GetValueForNormalization() => weight.GetValueForNormalization() * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost) => weight.Normalize(norm, topLevelBoost * query.Boost);
    }
}
