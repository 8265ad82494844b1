using Diskominfo.Newsroom.Media.Services;
using Microsoft.Extensions.Time.Testing;

namespace Diskominfo.Newsroom.UnitTests;

/// <summary>
/// The freed pages are given back once renditions pause (<see cref="TrimWhenIdle"/>): never while one is being made,
/// not between renditions of a burst, once after the last one has been idle for the wait, and at the latest after
/// the burst's limit of renditions.
/// </summary>
public sealed class TrimWhenIdleTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new();
    private int _trims;

    [Fact]
    public void Burst_TrimmedOnceAfterTheLastHasBeenIdleForTheWait()
    {
        using var trim = Trim(most: 32);
        for (var i = 0; i < 20; i++)
        {
            trim.Started();
            _time.Advance(TimeSpan.FromMilliseconds(170));
            trim.Ended();
        }

        Assert.Equal(0, _trims);
        _time.Advance(Idle - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _trims);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _trims);
        _time.Advance(Idle * 10);
        Assert.Equal(1, _trims); // nothing made since: nothing more to give back
    }

    [Fact]
    public void Overlapping_NotTrimmedWhileOneIsStillBeingMade()
    {
        using var trim = Trim(most: 32);
        trim.Started();
        trim.Started();
        trim.Ended();
        _time.Advance(Idle * 3);
        Assert.Equal(0, _trims);

        trim.Ended();
        _time.Advance(Idle);
        Assert.Equal(1, _trims);
    }

    [Fact]
    public void StartedDuringTheWait_TrimWaitsForItsEnd()
    {
        using var trim = Trim(most: 32);
        trim.Started();
        trim.Ended();
        _time.Advance(Idle / 2);
        trim.Started();
        _time.Advance(Idle); // the first wait ends while the second is being made
        Assert.Equal(0, _trims);

        trim.Ended();
        _time.Advance(Idle / 2);
        Assert.Equal(0, _trims);
        _time.Advance(Idle / 2);
        Assert.Equal(1, _trims);
    }

    [Fact]
    public void LongBurst_TrimmedEveryMostRenditionsWithoutAPause()
    {
        using var trim = Trim(most: 4);
        for (var i = 0; i < 10; i++)
        {
            trim.Started();
            trim.Ended();
        }

        Assert.Equal(2, _trims); // after the 4th and the 8th
        _time.Advance(Idle);
        Assert.Equal(3, _trims); // the last two
    }

    private TrimWhenIdle Trim(int most) => new(_time, Idle, most, () => ++_trims > 0);
}
