using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>Writing a new press release; it is saved as a draft owned by the writer.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class NewItemModel(ContentService content, MarkdownRenderer markdown, ItemSections sections) : ArticleFormPage
{
    /// <summary>?jenis=kliping or ?jenis=adventorial opens the form of that type; a press release otherwise.</summary>
    public async Task<IActionResult> OnGetAsync(string? jenis, CancellationToken cancellationToken)
    {
        Form.Type = jenis switch
        {
            "kliping" => ContentTypes.Clipping,
            "adventorial" => ContentTypes.Adventorial,
            _ => ContentTypes.PressRelease,
        };
        await MarkOrderAsync(cancellationToken);
        return ContentService.MayAuthor(Actor.FromPrincipal(User)!) ? Page() : Refused(Outcome.Forbidden("Peran Anda tidak dapat membuat naskah."));
    }

    private async Task MarkOrderAsync(CancellationToken cancellationToken)
    {
        Form.IsOrder = Form.Type == ContentTypes.Adventorial && Actor.FromPrincipal(User)!.IsInRole(NewsroomRoles.Kadis);
        Form.SectionChoices = await sections.ChoicesAsync(Actor.FromPrincipal(User)!, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await MarkOrderAsync(cancellationToken);
        if (RefuseUnreadable() is { } unreadable)
        {
            return unreadable;
        }

        var outcome = await content.CreateAsync(Form.ToInput(), Actor.FromPrincipal(User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refused(outcome);
        }

        TempData[DeskPaths.FlashKey] = Form.IsOrder
            ? "Pesanan adventorial tercatat; Kepala Bidang diberi tahu untuk menugaskan PPTK."
            : Form.Type == ContentTypes.PressRelease
            ? "Draf tersimpan. Lampirkan foto, lalu ajukan."
            : "Draf tersimpan. Lampirkan pindaian atau dokumen, lalu ajukan.";
        return Redirect(DeskPaths.Item(outcome.Value!.ItemId));
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await MarkOrderAsync(cancellationToken);
        if (!ContentService.MayAuthor(Actor.FromPrincipal(User)!))
        {
            return Refused(Outcome.Forbidden("Peran Anda tidak dapat membuat naskah."));
        }

        PreviewHtml = markdown.ToHtml(Form.Body ?? "");
        return Page();
    }
}
