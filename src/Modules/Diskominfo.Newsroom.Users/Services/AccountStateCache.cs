using System.Collections.Concurrent;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// What every API request checks against its token (disabled, security stamp), kept up to 30 seconds so that a busy
/// client does not cost a query per request. A change made on this node is forgotten at once; other nodes see it
/// within the 30 seconds, well inside the minute a disabled account or a changed password is given.
/// </summary>
internal sealed class AccountStateCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<AccountState?> GetAsync(string userId, Func<Task<AccountState?>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(userId, out var entry) && now >= entry.At && now - entry.At < Lifetime)
        {
            return entry.State;
        }

        var state = await load();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[userId] = new Entry(state, now);
        return state;
    }

    public void Forget(string userId) => _entries.TryRemove(userId, out _);

    private sealed record Entry(AccountState? State, DateTimeOffset At);
}
