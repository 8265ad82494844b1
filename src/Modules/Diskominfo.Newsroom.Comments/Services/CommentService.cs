using Diskominfo.Newsroom.Abstractions.Admin;
using Diskominfo.Newsroom.Abstractions.Comments;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Comments.Data;
using Diskominfo.Newsroom.Comments.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Comments.Services;

/// <summary>
/// Reads and writes an item's comment thread. Who may read or write it is the item's own rule (<see cref="IItemAccess"/>:
/// those who see its work); the doors check that before calling. A mention (<c>@username</c>) of an active account
/// that may see the item's work sends that person a desk notice; others are left as plain text.
/// </summary>
internal sealed class CommentService(
    CommentsDbContext db,
    NewsroomDatabase database,
    IEventPublisher events,
    IUserDirectory users,
    IItemAccess access,
    TimeProvider clock) : IItemComments
{
    public const string MentionReason = "comment-mention";

    public async Task<IReadOnlyList<ItemComment>> ListAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var rows = await db.Comments.AsNoTracking().Where(c => c.ItemId == itemId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(ToView)];
    }

    public async Task<Outcome<CommentAdded>> AddAsync(Guid itemId, string? body, Actor actor, CancellationToken cancellationToken)
    {
        var text = (body ?? "").ReplaceLineEndings("\n").Trim();
        if (text.Length == 0)
        {
            return Outcome<CommentAdded>.From(Outcome.Invalid("body", "Komentar tidak boleh kosong."));
        }

        if (text.Length > CommentRules.MaxLength)
        {
            return Outcome<CommentAdded>.From(Outcome.Invalid("body", $"Komentar paling panjang {CommentRules.MaxLength} karakter."));
        }

        if (await access.SightAsync(itemId, actor, cancellationToken) != ItemSight.Work)
        {
            return Outcome<CommentAdded>.From(Outcome.NotFound("Naskah tidak ditemukan."));
        }

        var mentioned = await MentionedAsync(itemId, text, cancellationToken);
        var now = clock.GetUtcNow();
        var comment = new Comment
        {
            Id = Guid.CreateVersion7(now),
            ItemId = itemId,
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName,
            Body = text,
            CreatedAt = now,
            Mentions = string.Join(' ', mentioned.Select(m => m.User.UserName)),
        };
        var toldUsers = mentioned.Where(m => m.MaySee && m.User.Id != actor.UserId).Select(m => m.User).ToList();
        var told = toldUsers.Select(u => u.Id).ToList();
        await database.InTransactionAsync(async ct =>
        {
            db.Comments.Add(comment);
            await db.SaveChangesAsync(ct);
            if (told.Count > 0)
            {
                var excerpt = text.Length > 200 ? text[..199] + "…" : text;
                await events.PublishAsync(
                    new DeskNotice(
                        MentionReason,
                        $"{actor.DisplayName} menyebut Anda dalam komentar naskah",
                        $"{actor.DisplayName} menyebut Anda dalam komentar: \"{excerpt}\"",
                        $"{DeskPaths.Item(itemId)}#komentar",
                        actor.UserId,
                        now,
                        UserIds: told),
                    ct);
            }
        }, cancellationToken);
        return Outcome<CommentAdded>.Ok(new CommentAdded(ToView(comment), [.. toldUsers.Select(u => u.UserName!)]));
    }

    /// <summary>The active accounts the text mentions by user name, and whether each may see the item's work.</summary>
    private async Task<List<(DirectoryUser User, bool MaySee)>> MentionedAsync(Guid itemId, string text, CancellationToken cancellationToken)
    {
        var names = CommentRules.MentionedUserNames(text);
        if (names.Count == 0)
        {
            return [];
        }

        var byName = new Dictionary<string, DirectoryUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in NewsroomRoles.All)
        {
            foreach (var user in await users.ListInRoleAsync(role, cancellationToken))
            {
                if (user.UserName is { } userName)
                {
                    byName.TryAdd(userName, user);
                }
            }
        }

        var found = new List<(DirectoryUser, bool)>();
        foreach (var name in names.Take(CommentRules.MaxMentions))
        {
            if (byName.TryGetValue(name, out var user))
            {
                var them = new Actor(user.Id, user.UserName!, user.DisplayName, new HashSet<string>(user.Roles ?? []));
                found.Add((user, await access.SightAsync(itemId, them, cancellationToken) == ItemSight.Work));
            }
        }

        return found;
    }

    private static ItemComment ToView(Comment c) => new(c.Id, c.ItemId, c.AuthorId, c.AuthorName, c.Body, c.CreatedAt, c.MentionList);
}

/// <summary>A saved comment and the user names of the people its mentions notified.</summary>
internal sealed record CommentAdded(ItemComment Comment, IReadOnlyList<string> Notified);
