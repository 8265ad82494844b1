using System.Collections.Immutable;
using Diskominfo.Newsroom.Infrastructure.Nodes;
using Diskominfo.Newsroom.Theme.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;

namespace Diskominfo.Newsroom.Theme;

/// <summary>
/// What the public site keeps in memory, dropped on every node at once: kept pages by tag, and the site identity. A
/// change sends a node signal (after its commit) and each node, this one included, evicts its own copy when it hears it;
/// a node whose signals connection was lost evicts everything when it is back (<see cref="NodeTopics.CatchUp"/>).
/// </summary>
internal sealed class SiteCacheSignals(INodeSignals signals, IOutputCacheStore pages, IMemoryCache memory) : IHostedService
{
    public const string PagesTopic = "site.pages";
    public const string IdentityTopic = "site.identity";

    private const char Separator = '\n';
    private ImmutableList<IDisposable> _subscriptions = [];

    /// <summary>Evicts the pages tagged with any of <paramref name="tags"/> on every node.</summary>
    public Task EvictAsync(IEnumerable<string> tags, CancellationToken cancellationToken = default)
        => signals.SendAsync(PagesTopic, string.Join(Separator, tags), cancellationToken);

    /// <summary>The identity changed: every node reads it again and renders every public page anew.</summary>
    public Task IdentityChangedAsync(CancellationToken cancellationToken = default)
        => signals.SendAsync(IdentityTopic, "", cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Keep(signals.Subscribe(PagesTopic, async (payload, ct) =>
        {
            foreach (var tag in payload.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
            {
                await pages.EvictByTagAsync(tag, ct);
            }
        }));
        Keep(signals.Subscribe(IdentityTopic, (_, ct) => ForgetEverythingAsync(ct)));
        Keep(signals.Subscribe(NodeTopics.CatchUp, (_, ct) => ForgetEverythingAsync(ct)));
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

    private async Task ForgetEverythingAsync(CancellationToken cancellationToken)
    {
        memory.Remove(SiteIdentityStore.CacheKey);
        await pages.EvictByTagAsync(SiteCache.Everything, cancellationToken);
    }
}
