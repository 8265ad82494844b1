using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Notifications.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Notifications.Pages.Inbox;

/// <summary>The user's inbox: what awaits him and what came back to him, newest first.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class IndexModel(Services.Inbox inbox) : PageModel
{
    public IReadOnlyList<InboxEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Entries = await inbox.ListAsync(Actor.FromPrincipal(User)!.UserId, 100, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(Actor.FromPrincipal(User)!.UserId, cancellationToken);
        return Redirect("/admin/kotak-masuk");
    }
}
