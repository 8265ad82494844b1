using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Users.Pages.UserAdmin;

/// <summary>An admin changes an account, disables or enables it, resets its password or ends its lockout.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
internal sealed class EditModel(
    AccountEditor editor, AccountStatusService status, AdminPasswordReset reset, UserQueries queries,
    Abstractions.Notifications.IMailOutbox mail) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

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

    [BindProperty]
    public string? Method { get; set; }

    public UserView? Account { get; private set; }

    public IReadOnlyList<OrgSection> Sections { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Message { get; private set; }

    /// <summary>A one-time password just set, shown once.</summary>
    public string? TemporaryPassword { get; private set; }

    public bool MailEnabled => mail.Enabled;

    public AccountFields Fields => new(new AccountInput(null, FullName, Nip, Email, Phone, Roles, Section, PhotoCredit), false, Sections, Errors);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        FullName = Account!.FullName;
        Nip = Account.Nip;
        Email = Account.Email;
        Phone = Account.Phone;
        Roles = [.. Account.Roles];
        Section = Account.Section?.ToString();
        PhotoCredit = Account.PhotoCredit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await editor.UpdateAsync(Id, Fields.Input, Actor.FromPrincipal(User)!, cancellationToken);
        return await AfterAsync(outcome, "Perubahan akun disimpan.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
        => await AfterAsync(await status.DisableAsync(Id, Actor.FromPrincipal(User)!, cancellationToken),
            "Akun dinonaktifkan; sesi dan tokennya berakhir dalam satu menit.", cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
        => await AfterAsync(await status.EnableAsync(Id, Actor.FromPrincipal(User)!, cancellationToken), "Akun diaktifkan kembali.", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
        => await AfterAsync(await status.UnlockAsync(Id, Actor.FromPrincipal(User)!, cancellationToken), "Kunci akun dibuka.", cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        var outcome = await reset.ResetAsync(Id, Method, Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Value is { TemporaryPassword: { } password })
        {
            // Shown on this answer only, never stored for a later page.
            TemporaryPassword = password;
            return await OnGetAsync(cancellationToken);
        }

        return await AfterAsync(outcome, "Tautan atur ulang kata sandi dikirim ke surel pemilik akun.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Outcome outcome, string flash, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = flash;
            return Redirect($"{AccountsFeature.AdminPath}/{Id}");
        }

        if (outcome.Kind == OutcomeKind.NotFound || !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Message = outcome.Message;
        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        return Page().WithStatusOf(outcome);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Account = await queries.GetAsync(Id, cancellationToken);
        Sections = await queries.SectionsAsync(cancellationToken);
        return Account is not null;
    }
}
