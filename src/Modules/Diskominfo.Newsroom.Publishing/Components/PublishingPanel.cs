using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Security;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Publishing.Components;

/// <summary>
/// The item page's publications panel: every channel with its status, attempts, remote id, link and last error.
/// Admins also see the exact request a dry run recorded.
/// </summary>
public sealed class PublishingPanel(IPublicationQuery publications) : ViewComponent
{
    public const string Name = nameof(PublishingPanel);

    public async Task<IViewComponentResult> InvokeAsync(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var list = await publications.ListAsync(context.ItemId, HttpContext.RequestAborted);
        var actor = Actor.FromPrincipal(UserClaimsPrincipal);
        var showCaptions = actor?.SeesAllWork == true && context.ContentType != ContentTypes.Clipping;
        if (list.Count == 0 && !showCaptions)
        {
            return Content("");
        }

        var isAdmin = actor?.IsInRole(NewsroomRoles.Admin) == true;
        return View(new PublishingPanelView(context.ItemId, list, isAdmin, showCaptions, actor is not null && Services.PublicationControl.MayControl(actor)));
    }
}

public sealed record PublishingPanelView(Guid ItemId, IReadOnlyList<PublicationView> Publications, bool ShowRequests, bool ShowCaptions, bool CanControl);
