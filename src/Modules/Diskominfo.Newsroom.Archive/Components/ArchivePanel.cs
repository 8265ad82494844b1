using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Archive;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Archive.Components;

/// <summary>The item page's archive panel: archive number, classification code and date, once archived.</summary>
public sealed class ArchivePanel(IArchiveQuery archive) : ViewComponent
{
    public const string Name = nameof(ArchivePanel);

    public async Task<IViewComponentResult> InvokeAsync(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await archive.GetAsync(context.ItemId, HttpContext.RequestAborted);
        return record is null ? Content("") : View((record, context.ItemId));
    }
}
