using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Audit.Data;
using Diskominfo.Newsroom.Audit.Models;
using Diskominfo.Newsroom.Audit.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.AspNetCore.Http;

namespace Diskominfo.Newsroom.Audit.Handlers;

/// <summary>
/// Appends one entry per <see cref="AuditEvent"/>. Inside the sender's transaction the entry commits or rolls back with
/// the change; without one (a failed sign-in) it is saved on its own, even when the client has gone away meanwhile. The
/// client address is the event's, else the current request's; the user name is looked up so that the log can be searched by it.
/// </summary>
internal sealed class WriteAuditEntry(AuditDbContext db, NewsroomDatabase database, IHttpContextAccessor http, IUserDirectory users)
    : IEventHandler<AuditEvent>
{
    public async Task HandleAsync(AuditEvent @event, CancellationToken cancellationToken)
    {
        // An aborted request must not keep a failed sign-in out of the log; inside a transaction the change and its entry go together.
        if (!database.InTransaction)
        {
            cancellationToken = CancellationToken.None;
        }

        var actorId = AuditValues.CutOrNull(@event.ActorId, AuditLimits.Id);
        var (actorName, userName) = await NamesAsync(actorId, @event.ActorName, cancellationToken);
        var entry = new AuditEntry
        {
            At = @event.At.ToUniversalTime(),
            ActorId = actorId,
            ActorName = actorName,
            ActorUserName = userName,
            Address = AuditValues.CutOrNull(@event.Address, AuditLimits.Address) ?? ClientAddress(),
            Action = AuditValues.Cut(@event.Action.Trim(), AuditLimits.Action),
            TargetType = AuditValues.CutOrNull(@event.TargetType, AuditLimits.Action),
            TargetId = AuditValues.CutOrNull(@event.TargetId, AuditLimits.Id),
            Summary = AuditValues.CutOrNull(@event.Summary, AuditLimits.Summary) ?? AuditActions.Label(@event.Action),
            Before = AuditValues.Store(@event.Before),
            After = AuditValues.Store(@event.After),
        };
        db.Entries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    /// <summary>
    /// The person's full name and user name. The sender's name is kept, unless it is only the user name (a desk
    /// session's principal carries no full name): then the directory's full name is written instead.
    /// </summary>
    private async Task<(string? Name, string? UserName)> NamesAsync(string? actorId, string? given, CancellationToken cancellationToken)
    {
        var name = AuditValues.CutOrNull(given, AuditLimits.Name);
        if (actorId is null)
        {
            return (name, null);
        }

        if (actorId == Actor.System.UserId)
        {
            return (name ?? Actor.System.DisplayName, Actor.System.UserName);
        }

        // Nearly always the person making the request; otherwise (a sign-in, before the principal exists) the directory.
        string? userName = null;
        string? fullName = null;
        var principal = http.HttpContext?.User;
        if (Actor.FromPrincipal(principal) is { } current && current.UserId == actorId)
        {
            userName = current.UserName;
            fullName = principal!.HasClaim(c => c.Type == NewsroomClaims.DisplayName) ? current.DisplayName : null;
        }

        if (fullName is null && (name is null || name == userName || userName is null))
        {
            var known = await users.GetAsync(actorId, cancellationToken);
            (fullName, userName) = (known?.DisplayName, userName ?? known?.UserName);
        }

        if (name is null || string.Equals(name, userName, StringComparison.OrdinalIgnoreCase))
        {
            name = AuditValues.CutOrNull(fullName, AuditLimits.Name) ?? name;
        }

        return (name, AuditValues.CutOrNull(userName, AuditLimits.Name));
    }

    private string? ClientAddress()
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        return address is null ? null : AuditValues.Cut((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString(), AuditLimits.Address);
    }
}
