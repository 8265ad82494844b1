using System.ComponentModel.DataAnnotations;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Users.Pages.Akun;

/// <summary>
/// My two-factor sign-in: enrol an authenticator app (QR code and key), turn it on with a first code, see the 10
/// recovery codes once, make new ones, or turn it off with a current code when my role allows.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class DuaLangkahModel(UserManager<NewsroomUser> users, TwoFactorService twoFactor) : PageModel
{
    public TwoFactorStatus Status { get; private set; } = new(false, false, false, 0);

    public TwoFactorEnrolment? Enrolment { get; private set; }

    /// <summary>The recovery codes just made: shown on this one answer only.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    [Display(Name = "Kode")]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentAsync();
        var outcome = await twoFactor.EnableAsync(user, Code, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome);
        }

        RecoveryCodes = outcome.Value!;
        Message = "Verifikasi dua langkah aktif. Simpan kode pemulihan di bawah ini di tempat aman: kode ini hanya ditampilkan sekali.";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var outcome = await twoFactor.RenewRecoveryCodesAsync(await CurrentAsync(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome);
        }

        RecoveryCodes = outcome.Value!;
        Message = "Kode pemulihan baru dibuat; kode yang lama tidak berlaku lagi. Kode ini hanya ditampilkan sekali.";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var outcome = await twoFactor.DisableAsync(await CurrentAsync(), Code, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await ShowAsync(outcome);
        }

        Message = "Verifikasi dua langkah dinonaktifkan.";
        return await ShowAsync();
    }

    private async Task<NewsroomUser> CurrentAsync()
        => await users.FindByIdAsync(Actor.FromPrincipal(User)!.UserId) ?? throw new InvalidOperationException("The signed-in account is gone.");

    private async Task<IActionResult> ShowAsync(Outcome? refused = null)
    {
        var user = await CurrentAsync();
        Status = await twoFactor.StatusAsync(user);
        Enrolment = Status.Enabled ? null : await twoFactor.EnrolmentAsync(user);
        Code = null;
        var page = Page();
        if (refused is not null)
        {
            Error = refused.Message;
            page.WithStatusOf(refused);
        }

        return page;
    }
}
