using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// What a search collects for its page, in one call a match: the budget ticked, the top hits and the facet counts.
/// Lucene's <see cref="MultiCollector"/> inside a <see cref="BudgetedCollector"/> inside the budgeted clause's own
/// made three calls through interfaces a match; the clause passes a collector that ticks this budget on as it is.
/// </summary>
internal sealed class PageCollector(ICollector top, FacetCollector facets, SearchBudget budget) : IBudgetedCollector
{
    public SearchBudget Budget => budget;

    public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder && facets.AcceptsDocsOutOfOrder;

    // The facets need no scores.
    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        budget.Check();
        top.SetNextReader(context);
        facets.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        budget.Tick();
        top.Collect(doc);
        facets.Collect(doc);
    }
}
