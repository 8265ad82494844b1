using System.Diagnostics;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Media.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>A scan from a batch goes through the same checks as any upload.</summary>
internal sealed class ScanIntake(UploadService uploads) : IScanIntake
{
    public async Task<Outcome<Guid>> AttachAsync(Guid itemId, byte[] bytes, string fileName, string? caption, Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await uploads.UploadAsync(itemId, new UploadService.Upload(bytes, fileName, caption, null), actor, cancellationToken);
        return outcome.Succeeded ? Outcome<Guid>.Ok(outcome.Value!.Id) : Outcome<Guid>.From(outcome);
    }
}

/// <summary>
/// Runs <c>tesseract FILE stdout -l ind</c> on a stored image scan. Whether tesseract and its Indonesian data are
/// installed is asked once (<c>tesseract --list-langs</c>).
/// </summary>
internal sealed partial class TesseractRecognizer(MediaDbContext db, MediaStorage storage, ILogger<TesseractRecognizer> logger) : ITextRecognizer
{
    private static readonly Lazy<bool> Installed = new(() =>
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("tesseract", ["--list-langs"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return false;
            }

            var languages = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(10_000);
            return languages.Split('\n').Any(l => l.Trim() == "ind");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public bool IsAvailable => Installed.Value;

    public async Task<string?> RecognizeAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return null;
        }

        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        if (file is null || !file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return null;
        }

        using var process = Process.Start(new ProcessStartInfo("tesseract", [storage.FullPath(file.StoragePath), "stdout", "-l", "ind"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            LogFailed(logger, mediaId, process.ExitCode, await errors);
            return null;
        }

        // Tesseract breaks lines where the column does; paragraphs are kept.
        var paragraphs = (await text).Replace("\r", "", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(p => p.Length > 0);
        var result = string.Join("\n\n", paragraphs);
        return result.Length == 0 ? null : result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tesseract failed on media {MediaId} (exit {ExitCode}): {Errors}")]
    private static partial void LogFailed(ILogger logger, Guid mediaId, int exitCode, string errors);
}
