using System.Collections.Immutable;
using Diskominfo.Newsroom.Abstractions.Archive;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Infrastructure.Nodes;
using Diskominfo.Newsroom.Search.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Keeps the node's index in step with the database: at start it rebuilds a missing, foreign or stale index, or
/// resumes from the index's cursor; then it applies each change as soon as it is committed (woken by a node signal
/// from whichever node committed it, or by a short poll should a signal be lost). A rebuild can be asked for at any time; searches keep seeing the
/// old index until the new one is committed.
/// </summary>
internal sealed partial class SearchIndexer(
    IServiceScopeFactory scopes, SearchIndex index, IOptions<SearchOptions> options, INodeSignals signals, ILogger<SearchIndexer> logger) : BackgroundService
{
    /// <summary>A node signal: changes were committed on some node (payload empty).</summary>
    public const string ChangedTopic = "search.changed";

    private const int Batch = 500;

    private readonly SemaphoreSlim _wake = new(0);
    private ImmutableList<IDisposable> _subscriptions = [];
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly SortedSet<long> _done = [];
    private long _cursor;
    private volatile bool _rebuildAsked;
    private DateTimeOffset _lastPrune;

    public IndexerStatus Status { get; private set; } = new(false, false, null, null);

    /// <summary>The id of the last change the index holds: every change after it is still to be applied.</summary>
    public long Cursor => Volatile.Read(ref _cursor);

    /// <summary>Something was committed: look now rather than at the next poll.</summary>
    public void Signal()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Changes were committed here: this node's indexer and every other node's look now (a node signal).</summary>
    public Task ChangedAsync() => signals.SendAsync(ChangedTopic, "", CancellationToken.None);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Keep(signals.Subscribe(ChangedTopic, Woken));
        Keep(signals.Subscribe(NodeTopics.CatchUp, Woken));
        return base.StartAsync(cancellationToken);
    }

    private void Keep(IDisposable subscription) => ImmutableInterlocked.Update(ref _subscriptions, l => l.Add(subscription));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may be stopped twice at once (disposed while stopping): each subscription is ended once.
        foreach (var subscription in Interlocked.Exchange(ref _subscriptions, []))
        {
            subscription.Dispose();
        }
        await base.StopAsync(cancellationToken);
    }

    private Task Woken(string payload, CancellationToken cancellationToken)
    {
        Signal();
        return Task.CompletedTask;
    }

    public void RequestRebuild()
    {
        _rebuildAsked = true;
        Status = Status with { Rebuilding = true };
        Signal();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested && !Status.Ready)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                Status = Status with { Ready = true, LastError = null };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                if (_rebuildAsked)
                {
                    _rebuildAsked = false;
                    await RebuildAsync(stoppingToken);
                }

                await DrainAsync(stoppingToken);
                await PruneAsync(stoppingToken);
                if (Status.LastError is not null)
                {
                    Status = Status with { LastError = null };
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away: the changes stay in the table and are applied on the next round.
                Fail(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Brings the index up to date once: rebuilt when missing, built another way, older than the change table's
    /// retention allows, ahead of the database (restored from elsewhere) or not holding every item; else resumed.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var found = index.Found;
        string? reason = found is null ? "indeks belum ada atau dibangun dengan skema lain" : null;
        if (found is not null && found.CommittedAt < DateTimeOffset.UtcNow - options.Value.Retention / 2)
        {
            reason = "indeks lebih tua dari masa simpan daftar perubahan";
        }

        if (reason is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
            var last = await db.Changes.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            if (found!.Cursor > last)
            {
                reason = "indeks lebih baru daripada basis data";
            }
            else
            {
                _cursor = found.Cursor;
                await DrainAsync(cancellationToken);
                var items = await scope.ServiceProvider.GetRequiredService<ISearchableContent>().CountAsync(cancellationToken);
                var indexed = index.Stats(Fields.StaffScope).Documents;
                if (items != indexed)
                {
                    reason = $"indeks memuat {indexed} naskah, basis data {items}";
                }
            }
        }

        if (reason is not null)
        {
            LogRebuilding(logger, reason);
            await RebuildAsync(cancellationToken);
        }
    }

    /// <summary>Builds the index again from the database; changes committed meanwhile are applied after it.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            Status = Status with { Rebuilding = true };
            var started = DateTimeOffset.UtcNow;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
            var content = scope.ServiceProvider.GetRequiredService<ISearchableContent>();

            // Read before the items: a change committed while they are read is applied again afterwards.
            var cursor = await db.Changes.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            var count = 0;
            await index.ReplaceAllAsync<DocumentSource>(async add =>
            {
                Guid? after = null;
                while (true)
                {
                    var items = await content.ListAsync(after, Batch, cancellationToken);
                    if (items.Count == 0)
                    {
                        break;
                    }

                    foreach (var source in await SourcesAsync(scope.ServiceProvider, items, cancellationToken))
                    {
                        await add(source);
                    }

                    count += items.Count;
                    after = items[^1].ItemId;
                }
            }, Documents, cancellationToken);
            index.Commit(cursor);
            _cursor = cursor;
            _done.Clear();
            Status = Status with { Rebuilding = false, LastRebuild = new RebuildReport(DateTimeOffset.UtcNow, count, DateTimeOffset.UtcNow - started) };
            LogRebuilt(logger, count, (DateTimeOffset.UtcNow - started).TotalSeconds);
            return count;
        }
        finally
        {
            // A failed rebuild is not "rebuilding" any more: the page shows its error, the old index still answers.
            Status = Status with { Rebuilding = false };
            _writing.Release();
        }
    }

    /// <summary>Applies the committed changes after the cursor, then moves the cursor past every change applied.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
            while (true)
            {
                var rows = await db.Changes.AsNoTracking()
                    .Where(c => c.Id > _cursor)
                    .OrderBy(c => c.Id)
                    .Take(Batch * 2)
                    .ToListAsync(cancellationToken);
                if (rows.Count == 0)
                {
                    return;
                }

                var todo = rows.Where(r => !_done.Contains(r.Id)).ToList();
                if (todo.Count > 0)
                {
                    await ApplyAsync(scope.ServiceProvider, todo.Select(r => r.ItemId).Distinct().ToList(), cancellationToken);
                    _done.UnionWith(todo.Select(r => r.Id));
                }

                // Ids are handed out before their transactions commit, so a missing id may still come: the cursor
                // waits for it, unless a later change is so old that the missing one can only have rolled back.
                var before = _cursor;
                var abandoned = DateTime.UtcNow.Ticks - options.Value.GapTimeout.Ticks;
                foreach (var row in rows)
                {
                    if (row.Id != _cursor + 1 && row.At > abandoned)
                    {
                        break;
                    }

                    _cursor = row.Id;
                }

                _done.RemoveWhere(id => id <= _cursor);
                if (todo.Count > 0 || _cursor != before)
                {
                    index.Commit(_cursor);
                }

                if (rows.Count < Batch * 2 || (todo.Count == 0 && _cursor == before))
                {
                    return;
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ApplyAsync(IServiceProvider services, List<Guid> itemIds, CancellationToken cancellationToken)
    {
        for (var i = 0; i < itemIds.Count; i += Batch)
        {
            var ids = itemIds.Skip(i).Take(Batch).ToList();
            var items = await services.GetRequiredService<ISearchableContent>().GetAsync(ids, cancellationToken);
            var documents = await BuildAsync(services, items, cancellationToken);
            foreach (var id in ids)
            {
                index.Delete(SearchDocuments.StaffKey(id));
                index.Delete(SearchDocuments.PublicKey(id));
            }

            foreach (var document in documents)
            {
                index.Add(document);
            }
        }
    }

    private static async Task<List<Lucene.Net.Documents.Document>> BuildAsync(
        IServiceProvider services, IReadOnlyList<SearchableItem> items, CancellationToken cancellationToken)
        => (await SourcesAsync(services, items, cancellationToken)).SelectMany(Documents).ToList();

    /// <summary>Each item with its status and archive record: all its documents are made of.</summary>
    private static async Task<List<DocumentSource>> SourcesAsync(
        IServiceProvider services, IReadOnlyList<SearchableItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.ItemId).ToList();
        var statuses = await services.GetRequiredService<IWorkflowQuery>().GetStatusesAsync(ids, cancellationToken);
        var archives = await services.GetRequiredService<IArchiveQuery>().GetManyAsync(ids, cancellationToken);
        return items
            .Select(i => new DocumentSource(i, statuses.GetValueOrDefault(i.ItemId, WorkflowStatuses.Draft), archives.GetValueOrDefault(i.ItemId)))
            .ToList();
    }

    private static IEnumerable<Lucene.Net.Documents.Document> Documents(DocumentSource source)
    {
        yield return SearchDocuments.Staff(source.Item, source.Status, source.Archive);
        if (SearchDocuments.Public(source.Item) is { } published)
        {
            yield return published;
        }
    }

    /// <summary>Once an hour, forgets changes older than the retention (every node has long applied them).</summary>
    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (now - _lastPrune < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastPrune = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        var before = (now - options.Value.Retention).UtcTicks;
        // The row at the cursor stays: the highest id must remain, or a restart would see the index "ahead of the
        // database" (and SQLite could hand the id out again).
        await db.Changes.Where(c => c.At < before && c.Id < _cursor).ExecuteDeleteAsync(cancellationToken);
    }

    private void Fail(Exception ex)
    {
        Status = Status with { LastError = ex.Message };
        LogFailed(logger, ex);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _writing.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the search index: {Reason}")]
    private static partial void LogRebuilding(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Count} items in {Seconds:0.0} s")]
    private static partial void LogRebuilt(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search indexing failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

internal sealed record DocumentSource(SearchableItem Item, string Status, ArchiveView? Archive);

/// <summary>What the admin page shows of the indexer.</summary>
internal sealed record IndexerStatus(bool Ready, bool Rebuilding, RebuildReport? LastRebuild, string? LastError);

internal sealed record RebuildReport(DateTimeOffset At, int Items, TimeSpan Took);
