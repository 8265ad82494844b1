using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Search.Data;
using Diskominfo.Newsroom.Search.Index;

namespace Diskominfo.Newsroom.Search.Handlers;

/// <summary>
/// Notes every change that the index shows (text, status, publication, archive) in the change's own transaction,
/// and wakes the indexer of every node once it has committed.
/// </summary>
internal sealed class RecordChanges(SearchDbContext db, NewsroomDatabase database, SearchIndexer indexer)
    : IEventHandler<ItemCreated>,
      IEventHandler<ItemContentChanged>,
      IEventHandler<ItemStatusChanged>,
      IEventHandler<PublicationFinished>,
      IEventHandler<ItemArchived>
{
    public Task HandleAsync(ItemCreated @event, CancellationToken cancellationToken) => RecordAsync(@event.ItemId, cancellationToken);

    public Task HandleAsync(ItemContentChanged @event, CancellationToken cancellationToken) => RecordAsync(@event.ItemId, cancellationToken);

    public Task HandleAsync(ItemStatusChanged @event, CancellationToken cancellationToken) => RecordAsync(@event.ItemId, cancellationToken);

    public Task HandleAsync(PublicationFinished @event, CancellationToken cancellationToken) => RecordAsync(@event.ItemId, cancellationToken);

    public Task HandleAsync(ItemArchived @event, CancellationToken cancellationToken) => RecordAsync(@event.ItemId, cancellationToken);

    // Real time, not the app's clock: it only tells the indexer how old a gap in the change ids is.
    private async Task RecordAsync(Guid itemId, CancellationToken cancellationToken)
    {
        db.Changes.Add(new SearchChange { ItemId = itemId, At = DateTime.UtcNow.Ticks });
        await db.SaveChangesAsync(cancellationToken);
        await database.AfterCommitAsync(indexer.ChangedAsync);
    }
}
