using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>
/// Editing the copy: the writer while it is a draft or returned, the approver whose turn it is while in review
/// (the Kasi edits in place). The form carries the revision it was opened at: saving over someone else's later save is
/// refused (412) and the page shows their text beside what was typed, which stays in the form, now based on their
/// revision, so that saving again is a deliberate choice.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Work)]
internal sealed class EditItemModel(ContentService content, ItemReader reader, IEditGate editGate, MarkdownRenderer markdown, VersionHistory history)
    : ArticleFormPage
{
    public Guid Id { get; private set; }

    public bool Editable { get; private set; }

    public bool InReview { get; private set; }

    [BindProperty]
    public string? ExpectedHash { get; set; }

    /// <summary>The revision the form was opened at (the item's ETag), sent back with every save.</summary>
    [BindProperty]
    public int? Revision { get; set; }

    /// <summary>After a refused stale save: the saved text (left) beside what was typed (right).</summary>
    public EditConflict? Conflict { get; private set; }

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
        var openedAt = Revision;
        var refusal = await LoadAsync(id, cancellationToken);
        Form = posted;
        if (refusal is not null)
        {
            return refusal;
        }

        if (RefuseUnreadable() is { } unreadable)
        {
            Revision = openedAt;
            return unreadable;
        }

        var outcome = await content.UpdateAsync(id, Form.ToInput(), Actor.FromPrincipal(User)!, cancellationToken, openedAt);
        if (outcome.Kind == OutcomeKind.Stale)
        {
            Conflict = await history.ConflictAsync(id, Form.ToInput(), cancellationToken);
            return Refused(outcome);
        }

        if (!outcome.Succeeded)
        {
            Revision = openedAt;
            return Refused(outcome);
        }

        TempData[DeskPaths.FlashKey] = "Perubahan tersimpan.";
        return Redirect(DeskPaths.Item(id));
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var posted = Form;
        var openedAt = Revision;
        var refusal = await LoadAsync(id, cancellationToken);
        Form = posted;
        Revision = openedAt;
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
        Revision = (await content.StampAsync(id, cancellationToken))?.Revision;
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
