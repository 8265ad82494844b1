using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Text;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>The texts of a photo an editor may correct; null leaves a text as it is, an empty one clears it.</summary>
internal sealed record PhotoTexts(string? Caption, string? Credit, string? Alt);

/// <summary>
/// An item's photos from the library: reuse a file in another item, reorder (the first is the lead), correct the caption,
/// credit and alt text, remove from a draft, and delete an upload no item uses. Each change of an item is an edit of its
/// working version through the Content module, so it is in the item's history and invalidates approvals like any edit.
/// </summary>
internal sealed class ItemPhotosService(
    MediaDbContext db,
    NewsroomDatabase database,
    MediaStorage storage,
    IItemPhotoEditor editor,
    IItemAccess access,
    IContentCatalog catalog,
    IWorkflowQuery workflows,
    IEditGate editGate,
    TimeProvider clock)
{
    private static readonly string[] RemovableStatuses = [WorkflowStatuses.Draft, WorkflowStatuses.Returned, WorkflowStatuses.Ordered];

    /// <summary>What the actor may see of a file: the most any of its items gives him (an uploader always sees his own).</summary>
    public async Task<ItemSight> SightAsync(MediaFile file, Actor? actor, CancellationToken cancellationToken)
    {
        if (actor is { IsStaff: true } && (actor.SeesAllWork || actor.UserId == file.UploadedBy))
        {
            return ItemSight.Work;
        }

        var best = ItemSight.None;
        foreach (var itemId in await db.Links.AsNoTracking().Where(l => l.MediaId == file.Id).Select(l => l.ItemId).ToListAsync(cancellationToken))
        {
            var sight = await access.SightAsync(itemId, actor, cancellationToken);
            best = sight > best ? sight : best;
            if (best == ItemSight.Work)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>The items whose published version shows the file (for readers of a reused photo).</summary>
    public async Task<IReadOnlyList<Guid>> LinkedItemsAsync(Guid mediaId, CancellationToken cancellationToken)
        => await db.Links.AsNoTracking().Where(l => l.MediaId == mediaId).Select(l => l.ItemId).ToListAsync(cancellationToken);

    /// <summary>Adds a library file to another item, with the library's caption, credit and alt text.</summary>
    public async Task<Outcome<PhotoRef>> ReuseAsync(Guid itemId, Guid mediaId, Actor actor, CancellationToken cancellationToken)
    {
        var gate = await editGate.CanEditAsync(itemId, actor, cancellationToken);
        if (!gate.Succeeded)
        {
            return Outcome<PhotoRef>.From(gate);
        }

        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        if (file is null || await SightAsync(file, actor, cancellationToken) != ItemSight.Work)
        {
            return Outcome<PhotoRef>.From(Outcome.NotFound("Foto tidak ditemukan di pustaka media."));
        }

        var photo = new PhotoRef(file.Id, file.Sha256, file.ContentType, file.Width, file.Height, file.Caption, file.Credit, file.AltText);
        return await database.InTransactionAsync(async ct =>
        {
            var changed = await editor.ChangePhotosAsync(itemId, photos => photos.Any(p => p.MediaId == mediaId)
                ? Outcome<IReadOnlyList<PhotoRef>>.From(Outcome.Conflict("Foto ini sudah ada di naskah tersebut."))
                : Outcome<IReadOnlyList<PhotoRef>>.Ok([.. photos, photo]), actor, ct);
            if (!changed.Succeeded)
            {
                return Outcome<PhotoRef>.From(changed);
            }

            if (!await db.Links.AnyAsync(l => l.ItemId == itemId && l.MediaId == mediaId, ct))
            {
                db.Links.Add(new ItemPhotoLink { ItemId = itemId, MediaId = mediaId, LinkedAt = clock.GetUtcNow(), LinkedBy = actor.UserId });
                await db.SaveChangesAsync(ct);
            }

            return Outcome<PhotoRef>.Ok(photo);
        }, cancellationToken);
    }

    /// <summary>Puts the item's photos in the given order (every photo once); the first is the lead.</summary>
    public Task<Outcome<IReadOnlyList<PhotoRef>>> ReorderAsync(Guid itemId, IReadOnlyList<Guid>? order, Actor actor, CancellationToken cancellationToken)
        => editor.ChangePhotosAsync(itemId, photos =>
        {
            if (order is null || order.Count != photos.Count || order.Distinct().Count() != order.Count || photos.Any(p => !order.Contains(p.MediaId)))
            {
                return Outcome<IReadOnlyList<PhotoRef>>.From(Outcome.Invalid("mediaIds", "Urutan harus memuat setiap foto naskah tepat satu kali."));
            }

            return Outcome<IReadOnlyList<PhotoRef>>.Ok([.. order.Select(id => photos.Single(p => p.MediaId == id))]);
        }, actor, cancellationToken);

    /// <summary>Makes the photo the item's lead (first), the others keeping their order.</summary>
    public Task<Outcome<IReadOnlyList<PhotoRef>>> MakeLeadAsync(Guid itemId, Guid mediaId, Actor actor, CancellationToken cancellationToken)
        => editor.ChangePhotosAsync(itemId, photos => photos.FirstOrDefault(p => p.MediaId == mediaId) is { } lead
            ? Outcome<IReadOnlyList<PhotoRef>>.Ok([lead, .. photos.Where(p => p.MediaId != mediaId)])
            : NotInItem(), actor, cancellationToken);

    /// <summary>
    /// Corrects the photo's caption, credit and alt text in the item (a new version once the copy was seen) and in the
    /// library; a new credit gives a new rendition set, since renditions carry the credit as the photographer's name.
    /// </summary>
    public async Task<Outcome<PhotoRef>> EditAsync(Guid itemId, Guid mediaId, PhotoTexts texts, Actor actor, CancellationToken cancellationToken)
    {
        var errors = Check(texts);
        if (errors.Count > 0)
        {
            return Outcome<PhotoRef>.From(Outcome.Invalid(errors, errors.Values.First()[0]));
        }

        return await database.InTransactionAsync(async ct =>
        {
            PhotoRef? edited = null;
            var changed = await editor.ChangePhotosAsync(itemId, photos =>
            {
                if (photos.FirstOrDefault(p => p.MediaId == mediaId) is not { } photo)
                {
                    return NotInItem();
                }

                edited = photo with
                {
                    Caption = texts.Caption is null ? photo.Caption : Clean(texts.Caption),
                    Credit = texts.Credit is null ? photo.Credit : Clean(texts.Credit),
                    Alt = texts.Alt is null ? photo.Alt : Clean(texts.Alt),
                };
                return Outcome<IReadOnlyList<PhotoRef>>.Ok([.. photos.Select(p => p.MediaId == mediaId ? edited : p)]);
            }, actor, ct);
            if (!changed.Succeeded)
            {
                return Outcome<PhotoRef>.From(changed);
            }

            var file = await db.Files.SingleAsync(f => f.Id == mediaId, ct);
            if (file.Credit != edited!.Credit)
            {
                file.RenditionSet++;
            }

            (file.Caption, file.Credit, file.AltText) = (edited.Caption, edited.Credit, edited.Alt);
            await db.SaveChangesAsync(ct);
            return Outcome<PhotoRef>.Ok(edited);
        }, cancellationToken);
    }

    /// <summary>
    /// Takes the photo out of a draft (or a returned item, or an order being prepared). The file stays in the library;
    /// when no version of the item ever held it, it is no longer the item's either.
    /// </summary>
    public async Task<Outcome> RemoveAsync(Guid itemId, Guid mediaId, Actor actor, CancellationToken cancellationToken)
    {
        var status = await workflows.GetStatusesAsync([itemId], cancellationToken);
        if (status.TryGetValue(itemId, out var current) && !RemovableStatuses.Contains(current))
        {
            return Outcome.Conflict(
                $"Foto hanya dapat dilepas dari naskah yang masih draf atau dikembalikan; naskah ini berstatus \"{WorkflowStatuses.Label(current)}\".");
        }

        return await database.InTransactionAsync<Outcome>(async ct =>
        {
            var changed = await editor.ChangePhotosAsync(itemId, photos => photos.Any(p => p.MediaId == mediaId)
                ? Outcome<IReadOnlyList<PhotoRef>>.Ok([.. photos.Where(p => p.MediaId != mediaId)])
                : NotInItem(), actor, ct);
            if (!changed.Succeeded)
            {
                return changed;
            }

            // A first draft never seen is changed in place: no version of the item holds the photo any more.
            if ((await catalog.GetLatestAsync(itemId, ct))?.VersionNumber == 1)
            {
                await db.Links.Where(l => l.ItemId == itemId && l.MediaId == mediaId).ExecuteDeleteAsync(ct);
            }

            return Outcome.Ok();
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes an upload no item uses (its uploader or an admin). The originals of archived items are never deleted, nor
    /// files still in an item or in one of its earlier versions.
    /// </summary>
    public async Task<Outcome> DeleteAsync(Guid mediaId, Actor actor, CancellationToken cancellationToken)
    {
        var file = await db.Files.SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        if (file is null || await SightAsync(file, actor, cancellationToken) != ItemSight.Work)
        {
            return Outcome.NotFound("Berkas tidak ditemukan di pustaka media.");
        }

        var items = await LinkedItemsAsync(mediaId, cancellationToken);
        if (items.Count > 0)
        {
            var statuses = await workflows.GetStatusesAsync(items, cancellationToken);
            if (statuses.Values.Any(s => s == WorkflowStatuses.Archived))
            {
                return Outcome.Conflict("Berkas asli dari naskah yang sudah diarsipkan tidak pernah dihapus: arsip harus tetap utuh.");
            }

            var titles = await catalog.GetTitlesAsync(items, cancellationToken);
            var names = string.Join(", ", items.Select(i => titles.TryGetValue(i, out var t) ? $"\"{t}\"" : i.ToString()));
            return Outcome.Conflict($"Berkas masih dipakai (atau pernah diajukan) di naskah {names}. Lepaskan dulu dari draf naskah tersebut.");
        }

        if (actor.UserId != file.UploadedBy && !actor.IsInRole(NewsroomRoles.Admin))
        {
            return Outcome.Forbidden("Hanya pengunggah berkas atau admin yang dapat menghapusnya.");
        }

        db.Files.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteAsync(file.StoragePath, CancellationToken.None);
        return Outcome.Ok();
    }

    private static Outcome<IReadOnlyList<PhotoRef>> NotInItem()
        => Outcome<IReadOnlyList<PhotoRef>>.From(Outcome.NotFound("Foto tidak ada di naskah ini."));

    private static string? Clean(string value) => UntrustedText.Clean(value) is { } clean && !string.IsNullOrWhiteSpace(clean) ? clean.Trim() : null;

    private static Dictionary<string, string[]> Check(PhotoTexts texts)
    {
        var errors = new Dictionary<string, string[]>();
        if (texts.Caption?.Length > 1000)
        {
            errors["caption"] = ["Keterangan foto paling panjang 1000 karakter."];
        }

        if (texts.Credit?.Length > 200)
        {
            errors["credit"] = ["Nama fotografer paling panjang 200 karakter."];
        }

        if (texts.Alt?.Length > 500)
        {
            errors["alt"] = ["Teks alternatif paling panjang 500 karakter."];
        }

        return errors;
    }
}
