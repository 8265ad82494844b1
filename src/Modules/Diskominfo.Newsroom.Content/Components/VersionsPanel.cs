using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Content.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Content.Components;

/// <summary>
/// The item page's version panel: how many revisions were saved, the last one's author and time, a link to the
/// history. Public, as view components must be; the module's internal history service comes from the request.
/// </summary>
public sealed class VersionsPanel : ViewComponent
{
    public const string Name = nameof(VersionsPanel);

    public async Task<IViewComponentResult> InvokeAsync(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var history = HttpContext.RequestServices.GetRequiredService<VersionHistory>();
        var versions = await history.ListAsync(context.ItemId, HttpContext.RequestAborted);
        return versions.Count == 0 ? Content("") : View((context.ItemId, versions));
    }
}
