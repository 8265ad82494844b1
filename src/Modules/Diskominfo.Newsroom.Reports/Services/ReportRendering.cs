using Diskominfo.Newsroom.Infrastructure.Http;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>Clipping books (PDFsharp, CPU-bound, hundreds of scans) are printed one at a time, two more waiting at most, within two minutes; else 503.</summary>
internal sealed class ReportRendering : IDisposable
{
    private readonly BoundedWork _work = new(concurrency: 1, queueLimit: 2, timeLimit: TimeSpan.FromMinutes(2));

    public Task<byte[]> RunAsync(Func<byte[]> render, CancellationToken cancellationToken)
        => _work.RunAsync(render, "Buku kliping sedang dicetak; coba lagi dalam beberapa saat.", cancellationToken);

    public void Dispose() => _work.Dispose();
}
