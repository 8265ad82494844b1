using Diskominfo.Newsroom.Abstractions.Admin;
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
        if (list.Count == 0)
        {
            return Content("");
        }

        var isAdmin = Actor.FromPrincipal(UserClaimsPrincipal)?.IsInRole(NewsroomRoles.Admin) == true;
        return View(new PublishingPanelView(list, isAdmin));
    }
}

public sealed record PublishingPanelView(IReadOnlyList<PublicationView> Publications, bool ShowRequests);
