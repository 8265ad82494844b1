using Diskominfo.Newsroom.Infrastructure.Http;

namespace Diskominfo.Newsroom.Archive.Services;

/// <summary>
/// Archive sheets (PDFsharp, CPU-bound and not interruptible) are rendered two at a time, with four more waiting at
/// most and an answer within 30 seconds; beyond that the request is answered 503 with <c>Retry-After</c>.
/// </summary>
internal sealed class ArchiveSheetRendering : IDisposable
{
    private readonly BoundedWork _work = new(concurrency: 2, queueLimit: 4, timeLimit: TimeSpan.FromSeconds(30));

    public Task<byte[]> RunAsync(Func<byte[]> render, CancellationToken cancellationToken)
        => _work.RunAsync(render, "Lembar arsip sedang banyak dibuat; coba lagi dalam beberapa detik.", cancellationToken);

    public void Dispose() => _work.Dispose();
}
