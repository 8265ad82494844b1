using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Coverage.Services;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Coverage.Components;

/// <summary>The item page's link to the coverage assignment a press release was started from.</summary>
public sealed class CoveragePanel(IAssignmentLinks links) : ViewComponent
{
    public const string Name = nameof(CoveragePanel);

    public sealed record Link(string Title, string Url);

    public async Task<IViewComponentResult> InvokeAsync(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await links.FindAsync(context.ItemId, HttpContext.RequestAborted) is { } link
            ? View(new Link(link.Title, link.Url))
            : Content("");
    }
}
