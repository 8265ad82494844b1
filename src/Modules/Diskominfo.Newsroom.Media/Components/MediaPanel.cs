using Diskominfo.Newsroom.Abstractions.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Media.Components;

/// <summary>The item page's photo upload form, shown to whoever may change the item now.</summary>
public sealed class MediaPanel : ViewComponent
{
    public const string Name = nameof(MediaPanel);

    public IViewComponentResult Invoke(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CanEdit ? View(context) : Content("");
    }
}
