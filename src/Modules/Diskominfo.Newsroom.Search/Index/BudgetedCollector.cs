using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>Passes every match on to <paramref name="inner"/>, ticking the search's <see cref="SearchBudget"/> for each.</summary>
internal sealed class BudgetedCollector(ICollector inner, SearchBudget budget) : IBudgetedCollector
{
    public SearchBudget Budget => budget;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        budget.Check();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        budget.Tick();
        inner.Collect(doc);
    }
}

/// <summary>A collector that ticks <see cref="Budget"/> for every match itself, so it needs no <see cref="BudgetedCollector"/> around it.</summary>
internal interface IBudgetedCollector : ICollector
{
    SearchBudget Budget { get; }
}
