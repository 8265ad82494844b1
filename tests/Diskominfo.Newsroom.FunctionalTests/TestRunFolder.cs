using System.Diagnostics;
using Diskominfo.Newsroom.FunctionalTests;

[assembly: AssemblyFixture(typeof(TestRunFolder))]

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Everything a run writes to the temporary folder (the sites' data and key folders, backups, nginx and node folders,
/// Chromium's profiles) goes under one folder of its own, <c>$TMPDIR/newsroom-run-{pid}</c>, removed when the run ends.
/// Hundreds of site starts per run used to leave their data folders behind. A run that was killed leaves its folder; the
/// next run removes the folders of runs whose process is gone.
/// </summary>
public sealed class TestRunFolder : IDisposable
{
    private const string Prefix = "newsroom-run-";
    private readonly string? _previous;

    public TestRunFolder()
    {
        _previous = Environment.GetEnvironmentVariable("TMPDIR");
        var parent = Path.GetTempPath();
        RemoveLeftovers(parent);
        Root = Directory.CreateDirectory(Path.Combine(parent, Prefix + Environment.ProcessId)).FullName;

        // Path.GetTempPath reads TMPDIR on every call, and the processes the tests start inherit it.
        Environment.SetEnvironmentVariable("TMPDIR", Root);
    }

    public string Root { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TMPDIR", _previous);
        TryDelete(Root);
    }

    private static void RemoveLeftovers(string parent)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[Prefix.Length..], out var pid) && !Alive(pid))
            {
                TryDelete(folder);
            }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not remove {folder}: {e.Message}");
        }
    }
}
