using Diskominfo.Newsroom.Abstractions.Calendar;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// The working calendar's arithmetic (<see cref="WorkingCalendar"/>, <see cref="StandardTime"/>) on the office's default:
/// Monday to Friday 07.30–16.00 WIB, with the days off of late 2026 (no site needed).
/// </summary>
public sealed class WorkingTimeTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static WorkingCalendar Office(params (DateOnly Day, string Name)[] daysOff) => new(
        Jakarta, new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(7, 30), new TimeOnly(16, 0), daysOff.ToDictionary(d => d.Day, d => d.Name), "uji");

    private static DateTimeOffset Wib(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Due_OneHourReceivedFriday1530_IsMonday0800()
    {
        var calendar = Office();
        Assert.Equal(Wib(11, 30, 8), new StandardTime(1, StandardTimeUnits.Hours).Due(Wib(11, 27, 15, 30), calendar)); // Friday 27 November
        Assert.Equal(TimeSpan.FromMinutes(30), calendar.WorkingTimeBetween(Wib(11, 27, 15, 30), Wib(11, 30, 7, 30)));
        Assert.Equal(TimeSpan.FromMinutes(60), calendar.WorkingTimeBetween(Wib(11, 27, 15, 30), Wib(11, 30, 8)));
    }

    [Fact]
    public void Due_OverAHoliday_SkipsIt()
    {
        // Thursday 24 December 2026 is cuti bersama, Friday 25 December Christmas: Wednesday 15.00 + 2 hours is Monday 08.30.
        var calendar = Office((new DateOnly(2026, 12, 24), "Cuti bersama Hari Raya Natal"), (new DateOnly(2026, 12, 25), "Hari Raya Natal"));
        Assert.Equal(Wib(12, 28, 8, 30), new StandardTime(2, StandardTimeUnits.Hours).Due(Wib(12, 23, 15), calendar));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.Equal("Hari Raya Natal", calendar.DayOffName(new DateOnly(2026, 12, 25)));
        Assert.Null(calendar.DayOffName(new DateOnly(2026, 12, 23)));
    }

    [Fact]
    public void WorkingTimeBetween_SpanningACutiBersama_CountsNothingThatDay()
    {
        var cuti = (new DateOnly(2026, 12, 24), "Cuti bersama Hari Raya Natal");
        var calendar = Office(cuti);
        var without = Office();

        // Wednesday 12.00 to Thursday 12.00: four hours on Wednesday, none on the cuti bersama (it would be 4.5 otherwise).
        Assert.Equal(TimeSpan.FromHours(4), calendar.WorkingTimeBetween(Wib(12, 23, 12), Wib(12, 24, 12)));
        Assert.Equal(TimeSpan.FromHours(8.5), without.WorkingTimeBetween(Wib(12, 23, 12), Wib(12, 24, 12)));

        // All of the cuti bersama itself: nothing.
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(12, 24, 0), Wib(12, 25, 0)));
    }

    [Fact]
    public void Due_FiveDays_IsFiveWorkingDays()
    {
        var calendar = Office((new DateOnly(2026, 12, 24), "Cuti bersama"), (new DateOnly(2026, 12, 25), "Natal"));
        var fiveDays = StandardTime.FromDays(5);
        Assert.Equal(TimeSpan.FromHours(8.5 * 5), fiveDays.WorkingTime(calendar));

        // Received at opening on Monday 30 November: due at closing on Friday 4 December.
        Assert.Equal(Wib(12, 4, 16), fiveDays.Due(Wib(11, 30, 7, 30), calendar));

        // Received Monday 10.00: five full working days later is the next Monday 10.00.
        Assert.Equal(Wib(12, 7, 10), fiveDays.Due(Wib(11, 30, 10), calendar));

        // Across Christmas: Tuesday 22 December 07.30 counts 22, 23, 28, 29 and 30 December.
        Assert.Equal(Wib(12, 30, 16), fiveDays.Due(Wib(12, 22, 7, 30), calendar));
        Assert.Equal("5 hari kerja", fiveDays.ToString());
    }

    [Fact]
    public void WorkingTime_OutsideOfficeHoursAndOnWeekends_IsZero_AndZeroDueIsTheNextOpening()
    {
        var calendar = Office();
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(11, 28, 9), Wib(11, 29, 18))); // Saturday to Sunday
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(11, 30, 16), Wib(11, 30, 23))); // Monday after closing
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Wib(11, 30, 12), Wib(11, 30, 11))); // backwards
        Assert.Equal(Wib(12, 1, 7, 30), calendar.AddWorkingTime(Wib(11, 30, 16), TimeSpan.Zero));
        Assert.Equal(Wib(11, 30, 12), calendar.AddWorkingTime(Wib(11, 30, 12), TimeSpan.Zero));

        // A standard that ends exactly at closing is due at closing, not the next morning.
        Assert.Equal(Wib(11, 30, 16), new StandardTime(30, StandardTimeUnits.Minutes).Due(Wib(11, 30, 15, 30), calendar));
        Assert.Equal(TimeSpan.FromHours(8.5), calendar.WorkingDay);
    }

    [Fact]
    public void AlwaysOpen_CountsWallClockTime()
    {
        var calendar = WorkingCalendar.AlwaysOpen;
        Assert.Equal(TimeSpan.FromHours(62.5), calendar.WorkingTimeBetween(Wib(11, 27, 15, 30), Wib(11, 30, 6)));
        Assert.Equal(Wib(11, 27, 16, 30), new StandardTime(1, StandardTimeUnits.Hours).Due(Wib(11, 27, 15, 30), calendar));
        Assert.Equal(TimeSpan.FromDays(1), calendar.WorkingDay);
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            Jakarta, new HashSet<DayOfWeek> { DayOfWeek.Monday }, new TimeOnly(16, 0), new TimeOnly(8, 0), new Dictionary<DateOnly, string>(), "salah"));
    }
}
