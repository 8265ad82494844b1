using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Content;
using Microsoft.AspNetCore.Mvc;

namespace Diskominfo.Newsroom.Content.Components;

/// <summary>The item page's "Kenali ulang teks" button, for a clipping its viewer may change now.</summary>
public sealed class ClippingOcrPanel : ViewComponent
{
    public const string Name = nameof(ClippingOcrPanel);

    public IViewComponentResult Invoke(ItemPanelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CanEdit && context.ContentType == ContentTypes.Clipping ? View(context) : Content("");
    }
}
