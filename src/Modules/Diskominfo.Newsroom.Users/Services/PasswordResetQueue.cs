using System.Threading.Channels;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>
/// Forgotten-password requests wait here for <see cref="PasswordResetMailer"/>, so that the answer to the request is the
/// same, and as quick, whether or not the address belongs to an account. Bounded: a flood is dropped, not queued.
/// </summary>
internal sealed class PasswordResetQueue
{
    private readonly Channel<PasswordResetRequest> _channel = Channel.CreateBounded<PasswordResetRequest>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(PasswordResetRequest request) => _channel.Writer.TryWrite(request);

    public IAsyncEnumerable<PasswordResetRequest> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
