using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Rasterises the pages of a stored PDF scan with poppler's <c>pdftoppm</c> (Debian's <c>poppler-utils</c>), into a
/// temporary folder the caller deletes: for text recognition (every page, up to <see cref="OcrOptions.MaxPdfPages"/>,
/// grey at <see cref="OcrOptions.PdfDpi"/>) and for print (the first page as a JPEG). Each run is killed, with its
/// children, when it passes <see cref="OcrOptions.Timeout"/>.
/// </summary>
internal sealed partial class PdfPages(IOptions<OcrOptions> options, ILogger<PdfPages> logger)
{
    private readonly Lazy<bool> _installed = new(() => Installed(options.Value.PdfToPpm));

    public bool IsAvailable => _installed.Value;

    /// <summary>The PNG files of the pages to read, in page order; empty when poppler failed, timed out or is missing.</summary>
    public Task<IReadOnlyList<string>> ForRecognitionAsync(string pdf, string folder, CancellationToken cancellationToken)
        => RunAsync(pdf, folder, ["-r", options.Value.PdfDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-f", "1", "-l",
            Math.Max(1, options.Value.MaxPdfPages).ToString(CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>The first page as a JPEG whose longest edge is <paramref name="maxPixels"/>; null when it could not be made.</summary>
    public async Task<byte[]?> FirstPageJpegAsync(string pdf, int maxPixels, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("newsroom-pdf-").FullName;
        try
        {
            var pages = await RunAsync(pdf, folder, ["-f", "1", "-l", "1", "-scale-to", maxPixels.ToString(CultureInfo.InvariantCulture), "-jpeg", "-jpegopt", "quality=75"], cancellationToken);
            return pages.Count == 0 ? null : await File.ReadAllBytesAsync(pages[0], cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<IReadOnlyList<string>> RunAsync(string pdf, string folder, string[] arguments, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return [];
        }

        var start = new ProcessStartInfo(options.Value.PdfToPpm, [.. arguments, pdf, Path.Combine(folder, "halaman")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.Timeout);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(output, errors);
            cancellationToken.ThrowIfCancellationRequested();
            LogTimedOut(logger, pdf, options.Value.Timeout.TotalSeconds);
            return [];
        }

        await output;
        if (process.ExitCode != 0)
        {
            LogFailed(logger, pdf, process.ExitCode, await errors);
            return [];
        }

        // pdftoppm numbers pages with as many digits as the last page needs (halaman-1, halaman-01, ...): sort by number.
        return Directory.EnumerateFiles(folder, "halaman-*")
            .OrderBy(f => int.TryParse(Path.GetFileNameWithoutExtension(f).AsSpan("halaman-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ToList();
    }

    private static bool Installed(string command)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, ["-v"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return false;
            }

            _ = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "pdftoppm failed on {Path} (exit {ExitCode}): {Errors}")]
    private static partial void LogFailed(ILogger logger, string path, int exitCode, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "pdftoppm on {Path} passed its time limit of {Seconds} s and was stopped")]
    private static partial void LogTimedOut(ILogger logger, string path, double seconds);
}
