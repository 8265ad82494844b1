using System.Collections.Immutable;
using System.Diagnostics;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Diskominfo.Newsroom.Infrastructure.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// The office's <see cref="IWorkingCalendar"/>: the snapshot built from the settings, kept until an admin changes them
/// on any node (<see cref="ChangedAsync"/> sends a node signal, and every node drops its snapshot when it hears it), or
/// for at most an hour (what a lost signal can leave).
/// </summary>
internal sealed class OfficeWorkingCalendar(IServiceScopeFactory scopes, INodeSignals signals) : IWorkingCalendar, IHostedService, IDisposable
{
    public const string ChangedTopic = "organization.working-calendar";

    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    private ImmutableList<IDisposable> _subscriptions = [];
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _current;

    private sealed record Entry(WorkingCalendar Calendar, long LoadedAt, int Generation);

    private int _generation;

    public async Task<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } fresh)
        {
            return fresh.Calendar;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is { } loaded)
            {
                return loaded.Calendar;
            }

            var generation = Volatile.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarSettings>().BuildAsync(cancellationToken);
            _current = new Entry(calendar, Stopwatch.GetTimestamp(), generation);
            return calendar;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The settings changed (committed): every node's next reader builds a new snapshot.</summary>
    public Task ChangedAsync() => signals.SendAsync(ChangedTopic, "", CancellationToken.None);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Keep(signals.Subscribe(ChangedTopic, (_, _) => Invalidated()));
        Keep(signals.Subscribe(NodeTopics.CatchUp, (_, _) => Invalidated()));
        return Task.CompletedTask;
    }

    private void Keep(IDisposable subscription) => ImmutableInterlocked.Update(ref _subscriptions, l => l.Add(subscription));

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may be stopped twice at once (disposed while stopping): each subscription is ended once.
        foreach (var subscription in Interlocked.Exchange(ref _subscriptions, []))
        {
            subscription.Dispose();
        }
        return Task.CompletedTask;
    }

    private Task Invalidated()
    {
        Invalidate();
        return Task.CompletedTask;
    }

    /// <summary>This node's snapshot is stale: its next reader builds a new one.</summary>
    private void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    public void Dispose() => _loading.Dispose();

    private Entry? Fresh(Entry? entry)
        => entry is not null && entry.Generation == Volatile.Read(ref _generation) && Stopwatch.GetElapsedTime(entry.LoadedAt) < MaxAge ? entry : null;
}
