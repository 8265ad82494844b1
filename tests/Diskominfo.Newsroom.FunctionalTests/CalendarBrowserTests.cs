using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Diskominfo.Newsroom.FunctionalTests.CalendarTestWorld;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The desk calendar in Chromium: drag a scheduled publication to another day; the agenda at phone width, axe-clean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarBrowserTests
{
    [Fact]
    public async Task MonthView_DragToAnotherDay_MovesThePublication_AgendaAtPhoneWidthPassesAxe()
    {
        await using var browser = await Browser.LaunchAsync();
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, kestrel: true, services: Services(new ActivitySource()));
        const string title = "Pameran UMKM Kabupaten Raya";
        var id = await ScheduledPressReleaseAsync(app, title, PublishAt);
        using var kadis = await app.LoginAsync("kadis");

        // Month view: the entry is on its day, labelled with its kind; dragged to another day of the same week, it keeps its time.
        var day = Day(3);
        var target = day.DayOfWeek == DayOfWeek.Monday ? day.AddDays(1) : day.AddDays(-1);
        var page = await browser.SignInAsync(app, "kadis");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync($"/admin/kalender?tampilan=bulan&tanggal={day:yyyy-MM-dd}");
        var entry = page.Locator($"td[data-drop-date='{day:yyyy-MM-dd}'] a[data-id='publication:{id}']");
        Assert.Contains("Jadwal terbit", await entry.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(title, await entry.InnerTextAsync(), StringComparison.Ordinal);
        await entry.DragToAsync(page.Locator($"td[data-drop-date='{target:yyyy-MM-dd}']"));
        var expected = PublishAt.AddDays(target.DayNumber - day.DayNumber);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await WebsiteDueAtAsync(kadis, id) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(expected, await WebsiteDueAtAsync(kadis, id));
        await page.Locator($"td[data-drop-date='{target:yyyy-MM-dd}'] a[data-id='publication:{id}']").WaitForAsync();
        await AssertAxeCleanAsync(page, "month view");

        // At phone width the calendar opens on the agenda, which is usable there and passes axe; the form moves an entry without dragging.
        var phone = await browser.SignInAsync(app, "kadis");
        await phone.SetViewportSizeAsync(360, 740);
        var response = await phone.GotoAsync("/admin/kalender");
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.False(await phone.Locator("table.month-grid").IsVisibleAsync());
        var agendaEntry = phone.Locator($".agenda a[data-id='publication:{id}']");
        Assert.True(await agendaEntry.IsVisibleAsync());
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the agenda scrolls sideways at 360 px");
        await AssertAxeCleanAsync(phone, "agenda at 360 px");
        var item = phone.Locator($".agenda li[data-entry='publication:{id}']");
        await item.GetByText("Pindahkan").First.ClickAsync();
        await item.GetByLabel("Waktu baru (WIB)").FillAsync($"{Day(6):yyyy-MM-dd}T08:45");
        await item.GetByRole(AriaRole.Button, new() { Name = "Pindahkan" }).ClickAsync();
        Assert.Contains("Jadwal dipindahkan", await phone.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(Abstractions.Text.IndonesianTime.StartOfDay(Day(6)).AddHours(8.75), await WebsiteDueAtAsync(kadis, id));
        await phone.GotoAsync($"/admin/kalender?tampilan=agenda&tanggal={Day(0):yyyy-MM-dd}");
        await AssertAxeCleanAsync(phone, "agenda view at 360 px");
    }

    private static async Task AssertAxeCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        Assert.True(result.Violations.Length == 0, $"{what}:\n{violations}");
    }
}
