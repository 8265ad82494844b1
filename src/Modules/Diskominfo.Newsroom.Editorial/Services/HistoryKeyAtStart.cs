using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Infrastructure.Keys;

namespace Diskominfo.Newsroom.Editorial.Services;

/// <summary>
/// Makes the buku agenda's chain key at start, before this site records anything, so that
/// every entry it writes is dated after its key: an unkeyed entry dated later is a rewrite (see <c>HistoryChain</c>).
/// </summary>
internal sealed class HistoryKeyAtStart(ISecretKeys keys) : IStartupTask
{
    public int Order => -100;

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        keys.Get(SecretKeyNames.HistoryChain);
        return Task.CompletedTask;
    }
}
