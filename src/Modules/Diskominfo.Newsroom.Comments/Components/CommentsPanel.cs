using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Comments;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Comments.Components;

/// <summary>The item page's comment thread and the form to add one (the page itself is shown only to those who see the item's work).</summary>
public sealed class CommentsPanel(IItemComments comments) : ViewComponent
{
    public const string Name = nameof(CommentsPanel);

    public async Task<IViewComponentResult> InvokeAsync(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return View(new CommentsPanelView(context.ItemId, await comments.ListAsync(context.ItemId, HttpContext.RequestAborted)));
    }
}

public sealed record CommentsPanelView(Guid ItemId, IReadOnlyList<ItemComment> Comments, string? Typed = null, string? Error = null);
