using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Handlers;

/// <summary>Once a version enters the approval chain it is never edited in place again.</summary>
internal sealed class SealVersionOnSubmit(ContentDbContext db) : IEventHandler<ItemSubmitted>
{
    public async Task HandleAsync(ItemSubmitted @event, CancellationToken cancellationToken)
    {
        await db.Versions.Where(v => v.Id == @event.VersionId && !v.Sealed)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Sealed, true), cancellationToken);
    }
}
