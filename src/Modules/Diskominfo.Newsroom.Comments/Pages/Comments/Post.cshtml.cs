using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Comments.Components;
using Diskominfo.Newsroom.Comments.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Comments.Pages.Comments;

/// <summary>
/// The desk's comment form posts here: saved, back to the item's thread; refused, the thread again with the error and
/// the text as typed, so nothing is lost.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Work)]
internal sealed class PostCommentModel(CommentService comments) : PageModel
{
    [BindProperty]
    public string? Body { get; set; }

    public CommentsPanelView? Thread { get; private set; }

    public IActionResult OnGet(Guid id) => Redirect($"{DeskPaths.Item(id)}#komentar");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await comments.AddAsync(id, Body, Actor.FromPrincipal(User)!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[DeskPaths.FlashKey] = outcome.Value!.Notified.Count > 0
                ? $"Komentar terkirim; diberitahukan kepada {string.Join(", ", outcome.Value.Notified)}."
                : "Komentar terkirim.";
            return Redirect($"{DeskPaths.Item(id)}#komentar");
        }

        var errors = outcome.Errors?.Values.SelectMany(e => e).ToList();
        Thread = new CommentsPanelView(id, await comments.ListAsync(id, cancellationToken), Body, errors is { Count: > 0 } ? string.Join(" ", errors) : outcome.Message);
        return Page().WithStatusOf(outcome);
    }
}
