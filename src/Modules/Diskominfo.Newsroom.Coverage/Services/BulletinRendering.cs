using Diskominfo.Newsroom.Infrastructure.Http;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>Bulletins (PDFsharp, CPU-bound) are printed two at a time, four more waiting at most, an answer within a minute; else 503.</summary>
internal sealed class BulletinRendering : IDisposable
{
    private readonly BoundedWork _work = new(concurrency: 2, queueLimit: 4, timeLimit: TimeSpan.FromSeconds(60));

    public Task<byte[]> RunAsync(Func<byte[]> render, CancellationToken cancellationToken)
        => _work.RunAsync(render, "Buletin sedang banyak dicetak; coba lagi dalam beberapa detik.", cancellationToken);

    public void Dispose() => _work.Dispose();
}
