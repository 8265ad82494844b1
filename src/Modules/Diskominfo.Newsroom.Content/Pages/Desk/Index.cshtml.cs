using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>The desk's home: what awaits the signed-in user, oldest first, and the latest items they may see.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class DeskModel(ItemReader reader, TimeProvider clock) : PageModel
{
    public Actor Actor { get; private set; } = Actor.System;

    public IReadOnlyList<AwaitingRow> Awaiting { get; private set; } = [];

    public IReadOnlyList<ItemSummary> Items { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool CanWrite => ContentService.MayAuthor(Actor);

    public bool SeesAll => Actor.SeesAllWork;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actor = Actor.FromPrincipal(User)!;
        Now = clock.GetUtcNow();
        Awaiting = await reader.ListAwaitingAsync(Actor, cancellationToken);
        Items = await reader.ListAsync(Actor, 50, cancellationToken);
    }
}
