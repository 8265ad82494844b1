using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Diskominfo.Newsroom.Harness;

/// <summary>
/// A bench interrupted (Ctrl-C, SIGTERM from <c>kill</c> or <c>timeout</c>, a closed terminal) stops every process it
/// started, however deep (the sites, nginx's master and its workers, wrk), and removes the folders it made, before it
/// exits. Before, a signal to the bench alone left nginx's workers and the sites running.
/// </summary>
internal static class BenchInterruption
{
    private static readonly ConcurrentDictionary<string, byte> Folders = new();
    private static int _interrupted;

    /// <summary>Handles the signals until the result is disposed.</summary>
    public static IDisposable Install() => new Registrations([.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, Interrupted))]);

    /// <summary>
    /// A new folder under the system's temporary folder, removed (with the keys folder a site's harness puts beside it,
    /// <c>-keys</c>) when the bench ends, if its owner has not removed it before: also after a failure or a signal.
    /// </summary>
    public static string TempFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        Folders.TryAdd(folder, 0);
        Folders.TryAdd(SiteProcess.KeysFolderOf(folder), 0);
        return folder;
    }

    /// <summary>Whether a signal is being handled: the bench's own work then fails (its sites are gone) and must not end the process first.</summary>
    public static bool Stopping => Volatile.Read(ref _interrupted) == 1;

    private static void Interrupted(PosixSignalContext signal)
    {
        signal.Cancel = true;
        if (Interlocked.Exchange(ref _interrupted, 1) == 1)
        {
            return; // the same signal again (timeout sends it to the bench and to its process group): already stopping
        }

        var killed = new List<Process>();
        foreach (var id in Descendants(Environment.ProcessId))
        {
            Process? process = null;
            try
            {
                process = Process.GetProcessById(id);
                process.Kill();
                killed.Add(process);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                process?.Dispose(); // gone already
            }
        }

        // Gone for good before their folders are removed: a site still closing a search index would write into them.
        foreach (var process in killed)
        {
            process.WaitForExit(TimeSpan.FromSeconds(10));
            process.Dispose();
        }

        RemoveFolders();
        Console.Error.WriteLine($"interrupted ({signal.Signal}): every process the bench started is stopped");
        Environment.Exit(128 + (signal.Signal switch { PosixSignal.SIGHUP => 1, PosixSignal.SIGINT => 2, _ => 15 }));
    }

    /// <summary>Every folder made by <see cref="TempFolder"/> that is still there: when the bench ends, however it ends.</summary>
    public static void RemoveFolders()
    {
        foreach (var folder in Folders.Keys)
        {
            Delete(folder);
        }
    }

    /// <summary>A site's data folder and the keys folder beside it, as soon as a bench is done with them.</summary>
    public static void Remove(string dataDir)
    {
        Delete(dataDir);
        Delete(SiteProcess.KeysFolderOf(dataDir));
    }

    private static void Delete(string folder)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < 3)
            {
                Thread.Sleep(200); // its owner removing it at the same moment (a bench unwinding after the signal)
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"could not remove {folder}: {e.Message}");
                break;
            }
        }
    }

    /// <summary>
    /// Every process below <paramref name="root"/>, from <c>/proc</c>, each parent before its children: killed in that
    /// order, nginx's master cannot start a new worker in place of one killed before it.
    /// </summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var id))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid ...": the command may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat.AsSpan(stat.LastIndexOf(')') + 4).ToString().Split(' ')[0]);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(id);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while being read.
            }
        }

        var result = new List<int>();
        var next = new Queue<int>([root]);
        while (next.TryDequeue(out var parent))
        {
            foreach (var child in children.GetValueOrDefault(parent) ?? [])
            {
                result.Add(child);
                next.Enqueue(child);
            }
        }

        return result;
    }

    private sealed class Registrations(PosixSignalRegistration[] all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in all)
            {
                registration.Dispose();
            }
        }
    }
}
