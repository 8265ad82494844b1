using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// A clause whose scorers tick the search's <see cref="SearchBudget"/> at every document they step to, so that a
/// search stops at its deadline even while it finds nothing (a common word minus nineteen others), not only while it
/// collects matches. Scores are the inner query's.
/// </summary>
internal sealed class BudgetedQuery(Query inner, SearchBudget budget) : WrappingQuery(inner)
{
    public SearchBudget Budget => budget;

    protected override WrappingQuery Around(Query rewritten) => new BudgetedQuery(rewritten, budget);

    public override Weight CreateWeight(IndexSearcher searcher) => new BudgetedWeight(this, Inner.CreateWeight(searcher));

    public override string ToString(string field) => Inner.ToString(field);

    public override bool Equals(object? obj)
        => obj is BudgetedQuery other && other.Boost == Boost && ReferenceEquals(other.Budget, budget) && other.Inner.Equals(Inner);

    public override int GetHashCode() => HashCode.Combine(Inner, Boost);

    // A boost on the wrapper (a one-clause query rewritten to its clause carries the query's) counts as on any query.
    private sealed class BudgetedWeight(BudgetedQuery query, Weight weight) : WrappingWeight(query, weight)
    {
        public override Explanation Explain(AtomicReaderContext context, int doc) => Inner.Explain(context, doc);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
            => Inner.GetScorer(context, acceptDocs) is { } scorer ? new BudgetedScorer(this, scorer, query.Budget) : null;

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs)
            => Inner.GetBulkScorer(context, scoreDocsInOrder, acceptDocs) is { } bulk ? new BudgetedBulkScorer(bulk, query.Budget) : null;
    }

    private sealed class BudgetedScorer(Weight weight, Scorer scorer, SearchBudget budget) : Scorer(weight)
    {
        public override int DocID => scorer.DocID;

        public override int Freq => scorer.Freq;

        public override int NextDoc()
        {
            budget.Tick();
            return scorer.NextDoc();
        }

        public override int Advance(int target)
        {
            budget.Tick();
            return scorer.Advance(target);
        }

        public override float GetScore() => scorer.GetScore();

        public override long GetCost() => scorer.GetCost();

        public override ICollection<ChildScorer> GetChildren() => [new ChildScorer(scorer, "BUDGETED")];
    }

    private sealed class BudgetedBulkScorer(BulkScorer bulk, SearchBudget budget) : BulkScorer
    {
        public override bool Score(ICollector collector, int max)
            => bulk.Score(collector is IBudgetedCollector ticking && ReferenceEquals(ticking.Budget, budget) ? collector : new BudgetedCollector(collector, budget), max);
    }
}
