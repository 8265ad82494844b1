using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Content.Models;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>
/// The clippings of a month, grouped by newspaper, magazine and tabloid (SOP: "articles cut and grouped"), with their
/// state: received, selected and signed, archived, or not selected.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class ClippingsModel(ContentDbContext db, IWorkflowQuery workflows, TimeProvider clock) : PageModel
{
    public static readonly string[] MediaTypes = ["koran", "majalah", "tabloid"];

    [BindProperty(SupportsGet = true)]
    public string? Bulan { get; set; }

    public DateOnly Month { get; private set; }

    public IReadOnlyDictionary<string, List<ClippingRow>> Groups { get; private set; } = new Dictionary<string, List<ClippingRow>>();

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        var today = DateOnly.FromDateTime(Abstractions.Text.IndonesianTime.ToWib(clock.GetUtcNow()).DateTime);
        Month = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrWhiteSpace(Bulan))
        {
            if (!DateOnly.TryParseExact(Bulan + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var month))
            {
                Error = $"Bulan '{Bulan}' tidak dikenali; gunakan TTTT-BB, misalnya 2026-11.";
                return Page().WithStatusOf(Outcome.Invalid("bulan", Error));
            }

            Month = month;
        }

        var query = db.Items.AsNoTracking().Where(i => i.ContentType == ContentTypes.Clipping);
        if (!actor.SeesAllWork)
        {
            query = query.Where(i => i.OwnerId == actor.UserId);
        }

        // Parts are stored as JSON: the month is filtered after reading this office's clippings (a few hundred a month).
        var rows = await (from item in query
                          join version in db.Versions.AsNoTracking() on item.LatestVersionId equals version.Id
                          select new { item.Id, version.Title, version.Parts })
            .ToListAsync(cancellationToken);
        var inMonth = rows
            .Where(r => r.Parts.Clipping is { } c && c.EditionDate.Year == Month.Year && c.EditionDate.Month == Month.Month)
            .ToList();
        var statuses = await workflows.GetStatusesAsync(inMonth.Select(r => r.Id).ToList(), cancellationToken);
        Groups = MediaTypes.ToDictionary(
            type => type,
            type => inMonth.Where(r => r.Parts.Clipping!.MediaType == type)
                .Select(r => new ClippingRow(r.Id, r.Title, r.Parts.Clipping!, statuses.GetValueOrDefault(r.Id, WorkflowStatuses.Draft)))
                .OrderBy(r => r.Clipping.EditionDate).ThenBy(r => r.Clipping.Outlet, StringComparer.Ordinal)
                .ToList());
        return Page();
    }
}

internal sealed record ClippingRow(Guid Id, string Title, ClippingPart Clipping, string Status)
{
    public string StatusLabel => WorkflowStatuses.Label(Status);
}
