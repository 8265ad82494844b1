using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Diskominfo.Newsroom.Calendar.Services;

/// <summary>
/// The calendar as iCalendar (RFC 5545) through Ical.Net: one VEVENT per entry with a UID stable across feeds (entry id
/// and the site's host), DTSTART/DTEND in UTC (all-day entries as VALUE=DATE, WIB days), SUMMARY, LOCATION, URL (the
/// absolute desk link) and CATEGORIES (the kind's label).
/// </summary>
internal static class IcsWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>A timed entry without an end is shown this long in calendar apps.</summary>
    private static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(30);

    public static string Write(IEnumerable<CalendarEntryView> entries, Uri siteBase, string calendarName)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Diskominfo//Newsroom Kalender//ID" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Jakarta");
        foreach (var entry in entries)
        {
            var item = new CalendarEvent
            {
                Uid = $"{entry.Id}@{siteBase.Host}",
                Summary = entry.Title,
                Location = entry.Place,
                Url = entry.Url is null ? null : new Uri(siteBase, entry.Url),
                Description = entry.Status,
            };
            item.Categories.Add(entry.KindLabel);
            if (entry.AllDay)
            {
                var first = DateOnly.FromDateTime(Abstractions.Text.IndonesianTime.ToWib(entry.Start).DateTime);
                var last = entry.End is { } end ? DateOnly.FromDateTime(Abstractions.Text.IndonesianTime.ToWib(end.AddTicks(-1)).DateTime) : first;
                item.DtStart = new CalDateTime(first);
                item.DtEnd = new CalDateTime(last.AddDays(1));
            }
            else
            {
                item.DtStart = Utc(entry.Start);
                item.DtEnd = Utc(entry.End is { } end && end > entry.Start ? end : entry.Start + DefaultLength);
            }

            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime, CalDateTime.UtcTzId);
}
