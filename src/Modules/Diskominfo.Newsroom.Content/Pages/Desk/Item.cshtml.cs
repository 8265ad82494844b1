using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Models;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>
/// One item on the desk: its copy and photos, then the panels the other modules add (approval chain and
/// history, photo upload, publications, archive), in their order.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[ItemSight(ItemSight.Work)]
internal sealed class ItemPageModel(ItemReader reader, IEditGate editGate, MarkdownRenderer markdown, IEnumerable<ItemPanel> panels) : PageModel
{
    public ItemDetails? Item { get; private set; }

    public bool CanEdit { get; private set; }

    public string BodyHtml { get; private set; } = "";

    public string CategoryLabel => Item?.Category is { } key ? Diskominfo.Newsroom.Abstractions.Content.NewsCategory.All.GetValueOrDefault(key, key) : "-";

    public string? Flash { get; private set; }

    public IReadOnlyList<ItemPanel> Panels { get; } = panels.OrderBy(p => p.Order).ToList();

    public ItemPanelContext PanelContext { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        Item = await reader.GetWorkAsync(id, actor, cancellationToken);
        if (Item is null)
        {
            return NotFound();
        }

        CanEdit = (await editGate.CanEditAsync(id, actor, cancellationToken)).Succeeded;
        BodyHtml = markdown.ToHtml(Item.Body ?? "");
        Flash = TempData[DeskPaths.FlashKey] as string;
        PanelContext = new ItemPanelContext(Item.Id, Item.Type, Item.Status, Item.ContentHash, Item.Owner, CanEdit);
        return Page();
    }
}
