using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>
/// Editing the copy: the writer while it is a draft or returned, the approver whose turn it is while in review
/// (the Kasi edits in place). Saving a version someone else changed meanwhile is refused, not merged.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Work)]
internal sealed class EditItemModel(ContentService content, ItemReader reader, IEditGate editGate, MarkdownRenderer markdown) : ArticleFormPage
{
    public Guid Id { get; private set; }

    public bool Editable { get; private set; }

    public bool InReview { get; private set; }

    [BindProperty]
    public string? ExpectedHash { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var posted = Form;
        var expected = ExpectedHash;
        var refusal = await LoadAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (expected is not null && expected != ExpectedHash)
        {
            Form = posted;
            return Refused(Outcome.Conflict("Naskah telah diubah oleh pengguna lain sejak Anda membukanya. Salin perubahan Anda, muat ulang halaman, lalu ulangi."));
        }

        Form = posted;
        if (RefuseUnreadable() is { } unreadable)
        {
            return unreadable;
        }

        var outcome = await content.UpdateAsync(id, Form.ToInput(), Actor.FromPrincipal(User)!, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refused(outcome);
        }

        TempData[DeskPaths.FlashKey] = "Perubahan tersimpan.";
        return Redirect(DeskPaths.Item(id));
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var posted = Form;
        var refusal = await LoadAsync(id, cancellationToken);
        Form = posted;
        if (refusal is not null)
        {
            return refusal;
        }

        PreviewHtml = markdown.ToHtml(Form.Body ?? "");
        return Page();
    }

    /// <summary>Loads the item and checks the actor may edit it now; the refusal page otherwise.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var actor = Actor.FromPrincipal(User)!;
        var item = await reader.GetWorkAsync(id, actor, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Form = ArticleForm.From(item);
        ExpectedHash = item.ContentHash;
        InReview = item.AwaitingRole is not null;
        var gate = await editGate.CanEditAsync(id, actor, cancellationToken);
        if (!gate.Succeeded)
        {
            return Refused(gate);
        }

        Editable = true;
        return null;
    }
}
