using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Users.Pages.UserAdmin;

/// <summary>The admins' list of accounts: search, filters by role, section and status, last sign-in, pages.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class IndexModel(UserQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "peran")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "bagian")]
    public string? Section { get; set; }

    /// <summary>"aktif", "nonaktif" or empty for all.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public string? PageNumber { get; set; }

    public UserPage? Users { get; private set; }

    public IReadOnlyList<OrgSection> Sections { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Sections = await queries.SectionsAsync(cancellationToken);
        var disabled = Status switch { "aktif" => "false", "nonaktif" => "true", _ => null };
        var filter = UserFilter.Parse(Q, Role, Section, disabled, PageNumber, null);
        if (filter.Value is null)
        {
            Errors = filter.Errors ?? new Dictionary<string, string[]>();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Users = await queries.ListAsync(filter.Value, cancellationToken);
        return Page();
    }

    /// <summary>The list's address with the current filters on page <paramref name="page"/>.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Q);
        Add("peran", Role);
        Add("bagian", Section);
        Add("status", Status);
        Add("halaman", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return AccountsFeature.AdminPath + "?" + string.Join("&", query);
    }
}
