using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Audit.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Diskominfo.Newsroom.Audit.Pages.Admin;

/// <summary>The admins' view of the log: by person, action and period, newest first, paged, with its Excel download.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class AuditModel(AuditQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? ActorFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>?halaman=N: "page" is the route value Razor Pages keep for themselves.</summary>
    [BindProperty(SupportsGet = true, Name = "halaman")]
    public string? PageNumber { get; set; }

    public AuditPage? Result { get; private set; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    /// <summary>The action groups of the select, each with its prefix (<c>auth.</c>) and its actions.</summary>
    public static IEnumerable<(string Prefix, string Label, IReadOnlyList<string> Actions)> Groups()
        => AuditFilter.Prefixes.Select(prefix => (prefix, GroupLabel(prefix),
            (IReadOnlyList<string>)Abstractions.Audit.AuditActions.All.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).ToList()));

    public static string GroupLabel(string prefix) => prefix switch
    {
        "auth." => "Masuk dan keamanan",
        "account." => "Akun pengguna",
        "org." => "Bidang, seksi dan Plh/Plt",
        "settings." => "Pengaturan",
        "publication." => "Publikasi",
        _ => prefix,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = AuditFilter.Parse(From, To, ActorFilter, ActionFilter, PageNumber, null);
        if (!filter.Succeeded)
        {
            return Refused(filter);
        }

        Result = await query.PageAsync(filter.Value!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var filter = AuditFilter.Parse(From, To, ActorFilter, ActionFilter, null, null);
        if (!filter.Succeeded)
        {
            return Refused(filter);
        }

        var (bytes, name) = await query.WorkbookAsync(filter.Value!, cancellationToken);
        return File(bytes, AuditQuery.XlsxType, name);
    }

    /// <summary>This selection's address, on another page (1: none) or as the Excel download.</summary>
    public string Link(int page = 1, bool xlsx = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["handler"] = xlsx ? "xlsx" : null,
            ["actor"] = ActorFilter,
            ["action"] = ActionFilter,
            ["from"] = From,
            ["to"] = To,
            ["halaman"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString(AuditModule.DeskPath, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value)));
    }

    private PageResult Refused(Outcome refusal)
    {
        Errors = refusal.Errors;
        return Page().WithStatusOf(refusal);
    }
}
