using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Theme.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Theme.Pages.Admin;

/// <summary>The regency's identity on the public site: name, office, colour, logo, address, contacts, social links.</summary>
[Authorize(Policy = NewsroomPolicies.Admin)]
[RequestSizeLimit(4 * 1024 * 1024)] // the logo (2 MB at most, said by the logo check) and the identity's fields
[RequestFormLimits(MultipartBodyLengthLimit = 3 * 1024 * 1024, ValueCountLimit = 32)]
internal sealed class SitusModel(SiteIdentityStore store) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Publisher { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Facebook { get; set; }
    [BindProperty] public string? Instagram { get; set; }
    [BindProperty] public string? YouTube { get; set; }
    [BindProperty] public string? BrandColor { get; set; }
    [BindProperty] public bool RemoveLogo { get; set; }

    public SiteIdentity? Current { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await store.GetAsync(cancellationToken);
        (Name, Publisher, Address, Phone, Email) = (Current.Name, Current.Publisher, Current.Address, Current.Phone, Current.Email);
        (Facebook, Instagram, YouTube, BrandColor) = (Current.Facebook, Current.Instagram, Current.YouTube, Current.BrandColor);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? logo, CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        if (logo is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await logo.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var outcome = await store.SaveAsync(
            new SiteIdentityStore.Changes(Name, Publisher, Address, Phone, Email, Facebook, Instagram, YouTube, BrandColor, bytes, RemoveLogo),
            Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = "Identitas situs disimpan; semua halaman publik memakainya sekarang.";
            return Redirect(ThemeModule.SiteSettingsPath);
        }

        Current = await store.GetAsync(cancellationToken);
        Message = outcome.Message;
        Errors = outcome.Errors ?? new Dictionary<string, string[]>();
        return Page().WithStatusOf(outcome);
    }
}
