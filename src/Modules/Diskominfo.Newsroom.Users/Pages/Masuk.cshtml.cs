using System.ComponentModel.DataAnnotations;
using Diskominfo.Newsroom.Users.Models;
using Diskominfo.Newsroom.Users.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Users.Pages;

[AllowAnonymous]
public sealed class MasukModel(SignInManager<NewsroomUser> signIn, UserManager<NewsroomUser> users) : PageModel
{
    [BindProperty]
    [Required]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = "Nama pengguna dan kata sandi wajib diisi.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }

        Error = await SignInRecorder.RefusalAsync(users, await users.FindByNameAsync(UserName), Password, result) ?? (result.IsLockedOut
            ? "Terlalu banyak percobaan masuk yang gagal. Akun dikunci 15 menit."
            : "Nama pengguna atau kata sandi salah.");
        return Page();
    }
}
