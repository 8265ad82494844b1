using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Users.Pages.UserAdmin;

/// <summary>An admin creates an account; the one-time password is shown once, on the page that answers the form.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class CreateModel(AccountEditor editor, UserQueries queries) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Nip { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public string? PhotoCredit { get; set; }

    public IReadOnlyList<OrgSection> Sections { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Message { get; private set; }

    /// <summary>The account just created, with its one-time password.</summary>
    public UserView? Created { get; private set; }

    public AccountFields Fields => new(new AccountInput(UserName, FullName, Nip, Email, Phone, Roles, Section, PhotoCredit), true, Sections, Errors);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sections = await queries.SectionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Sections = await queries.SectionsAsync(cancellationToken);
        var outcome = await editor.CreateAsync(Fields.Input, Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Value is { } created)
        {
            Created = created;
            return Page();
        }

        Message = outcome.Message;
        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        return Page().WithStatusOf(outcome);
    }
}
