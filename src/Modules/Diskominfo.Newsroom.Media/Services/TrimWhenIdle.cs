namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Gives the C heap's freed pages back (<see cref="VipsSettings.ReturnFreedMemory"/>) once renditions pause, not after
/// each one. glibc keeps the pages libvips freed in the arena of the thread that used them, so a process making photos
/// grows with each one until they are given back; but the next rendition then faults the pages in again, which took
/// 14 ms a photo here with one libvips thread and 30 ms with two (7-15 % of the photo's time). So: once no rendition has
/// been made for the idle wait (a second for <see cref="Renditions"/>), and after every so many renditions of a burst
/// without a pause (32), so that a long burst does not keep growing.
/// </summary>
internal sealed class TrimWhenIdle : IDisposable
{
    /// <summary>The one the Media module's renditions report to.</summary>
    public static readonly TrimWhenIdle Renditions = new(TimeProvider.System, TimeSpan.FromSeconds(1), 32, VipsSettings.ReturnFreedMemory);

    private readonly ITimer _timer;
    private readonly TimeSpan _idle;
    private readonly int _most;
    private readonly Func<bool> _trim;
    private int _running;
    private int _sinceTrim;

    public TrimWhenIdle(TimeProvider time, TimeSpan idle, int most, Func<bool> trim)
    {
        _idle = idle;
        _most = most;
        _trim = trim;
        _timer = time.CreateTimer(_ => OnIdle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Started() => Interlocked.Increment(ref _running);

    public void Ended()
    {
        var running = Interlocked.Decrement(ref _running);
        if (Interlocked.Increment(ref _sinceTrim) >= _most)
        {
            Trim();
        }
        else if (running == 0)
        {
            _ = _timer.Change(_idle, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void OnIdle()
    {
        // A rendition begun since: its end starts the wait again.
        if (Volatile.Read(ref _running) == 0 && Volatile.Read(ref _sinceTrim) > 0)
        {
            Trim();
        }
    }

    private void Trim()
    {
        Interlocked.Exchange(ref _sinceTrim, 0);
        _ = _trim();
    }
}
