namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// Heavy work a request asks for (a PDF to render) run a bounded number at once, with a bounded line of waiters and a
/// time limit on the answer. A request over the line, or whose work passes the time limit, is answered 503 with
/// <c>Retry-After</c> (<see cref="ServerBusyException"/>); work past its limit still finishes in the background and
/// holds its slot until then, so the bound holds even for work that cannot be stopped.
/// </summary>
public sealed class BoundedWork(int concurrency, int queueLimit, TimeSpan timeLimit) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, concurrency), Math.Max(1, concurrency));
    private int _waiting;

    public async Task<T> RunAsync<T>(Func<T> work, string busyMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Increment(ref _waiting) > Math.Max(1, concurrency) + Math.Max(0, queueLimit))
        {
            Interlocked.Decrement(ref _waiting);
            throw new ServerBusyException(busyMessage);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            await _slots.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _waiting);
            throw new ServerBusyException(busyMessage);
        }
        catch
        {
            Interlocked.Decrement(ref _waiting);
            throw;
        }

        var running = Task.Run(() =>
        {
            try
            {
                return work();
            }
            finally
            {
                _slots.Release();
                Interlocked.Decrement(ref _waiting);
            }
        }, CancellationToken.None);
        try
        {
            return await running.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerBusyException(busyMessage);
        }
    }

    public void Dispose() => _slots.Dispose();
}
