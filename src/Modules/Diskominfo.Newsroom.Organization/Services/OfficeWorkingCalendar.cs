using System.Diagnostics;
using Diskominfo.Newsroom.Abstractions.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>
/// The office's <see cref="IWorkingCalendar"/>: the snapshot built from the settings, kept until an admin changes them
/// on this node (<see cref="Invalidate"/>) or for at most a minute (another node's change).
/// </summary>
internal sealed class OfficeWorkingCalendar(IServiceScopeFactory scopes) : IWorkingCalendar, IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
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

    /// <summary>The settings changed: the next reader builds a new snapshot.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    public void Dispose() => _loading.Dispose();

    private Entry? Fresh(Entry? entry)
        => entry is not null && entry.Generation == Volatile.Read(ref _generation) && Stopwatch.GetElapsedTime(entry.LoadedAt) < MaxAge ? entry : null;
}
