using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Runs tesseract for the node: at most <see cref="OcrOptions.Workers"/> processes at once (one thread each), each
/// killed, with its children, when it passes <see cref="OcrOptions.Timeout"/>. Whether tesseract and its Indonesian
/// data are installed is asked once (<c>tesseract --list-langs</c>).
/// </summary>
internal sealed partial class OcrProcesses(IOptions<OcrOptions> options, ILogger<OcrProcesses> logger) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.Workers), Math.Max(1, options.Value.Workers));
    private readonly Lazy<bool> _installed = new(() => Installed(options.Value.Command));

    public bool IsAvailable => _installed.Value;

    /// <summary>The text tesseract reads from an image file; null when it failed or ran out of time.</summary>
    public async Task<string?> RecognizeAsync(string path, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var start = new ProcessStartInfo(options.Value.Command, [path, "stdout", "-l", "ind"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };

            // One core per page: the bound on processes is then the bound on cores.
            start.Environment["OMP_THREAD_LIMIT"] = "1";
            using var process = Process.Start(start)!;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.Value.Timeout);
            // Read to the end whatever happens: a killed process closes its pipes.
            var text = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                await Task.WhenAll(text, errors);
                cancellationToken.ThrowIfCancellationRequested();
                LogTimedOut(logger, path, options.Value.Timeout.TotalSeconds);
                return null;
            }

            if (process.ExitCode != 0)
            {
                LogFailed(logger, path, process.ExitCode, await errors);
                return null;
            }

            return await text;
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private static bool Installed(string command)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, ["--list-langs"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return false;
            }

            var languages = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return languages.Split('\n').Any(l => l.Trim() == "ind");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tesseract failed on {Path} (exit {ExitCode}): {Errors}")]
    private static partial void LogFailed(ILogger logger, string path, int exitCode, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tesseract on {Path} passed its time limit of {Seconds} s and was stopped")]
    private static partial void LogTimedOut(ILogger logger, string path, double seconds);
}
