using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Organization.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Organization.Pages.WorkingDays;

/// <summary>
/// The admin's page for the working calendar: working weekdays, office hours and time zone; the days off of a year
/// (add, rename, remove); from November on, a warning while next year has none.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class IndexModel(WorkingCalendarSettings settings, TimeProvider clock) : PageModel
{
    public WorkingCalendarView Calendar { get; private set; } = null!;

    public int? MissingYear { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public int? Year { get; set; }

    [BindProperty]
    public List<string> Days { get; set; } = [];

    [BindProperty]
    public string? Opens { get; set; }

    [BindProperty]
    public string? Closes { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    public IReadOnlyList<DayOfWeek> Week => CalendarText.Week;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await settings.SaveAsync(new WorkingCalendarInput(Days, Opens, Closes, TimeZone), ThisYear(), Actor.FromPrincipal(User)!, cancellationToken);
        return await DoneAsync(outcome, "Hari dan jam kerja disimpan.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var outcome = await settings.AddDayOffAsync(new DayOffInput(Date, Name, Kind), Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            Year = outcome.Value!.Date.Year;
        }

        return await DoneAsync(outcome, "Hari libur ditambahkan.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(string date, CancellationToken cancellationToken)
    {
        Abstractions.Results.Outcome outcome = DateOnly.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, out var day)
            ? await settings.UpdateDayOffAsync(day, new DayOffInput(date, Name, Kind), Actor.FromPrincipal(User)!, cancellationToken)
            : Abstractions.Results.Outcome.NotFound("Hari libur tidak ditemukan.");
        return await DoneAsync(outcome, "Hari libur diubah.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string date, CancellationToken cancellationToken)
    {
        var outcome = DateOnly.TryParse(date, System.Globalization.CultureInfo.InvariantCulture, out var day)
            ? await settings.RemoveDayOffAsync(day, Actor.FromPrincipal(User)!, cancellationToken)
            : Abstractions.Results.Outcome.NotFound("Hari libur tidak ditemukan.");
        return await DoneAsync(outcome, "Hari libur dihapus; tanggal itu kembali menjadi hari kerja.", cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Abstractions.Results.Outcome outcome, string flash, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = flash;
            return Redirect($"{OrganizationPaths.WorkingDays}?tahun={ThisYear()}");
        }

        Errors = FormErrors.From(outcome);
        await LoadAsync(cancellationToken);
        return Page().WithStatusOf(outcome);
    }

    private int ThisYear() => Year is >= 2000 and <= 2100 ? Year.Value : WibDates.Of(clock.GetUtcNow()).Year;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Calendar = await settings.ViewAsync(ThisYear(), cancellationToken);
        MissingYear = await settings.MissingNextYearAsync(cancellationToken);
        if (Errors.Any)
        {
            return;
        }

        Days = [.. Calendar.WorkingDays];
        Opens = Calendar.Opens;
        Closes = Calendar.Closes;
        TimeZone = Calendar.TimeZone;
    }
}
