using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Content.Data;
using Diskominfo.Newsroom.Content.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>Creates items and changes their working version; the approval chain decides who may change what, when.</summary>
internal sealed class ContentService(
    ContentDbContext db,
    NewsroomDatabase database,
    IEditGate editGate,
    IEventPublisher events,
    ItemSections sections,
    TimeProvider clock) : IContentEditor, IItemPhotoEditor
{
    private static readonly string[] AuthorRoles = [NewsroomRoles.Reporter, NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis];

    /// <summary>Reporters and the approvers may write copy; archivists, operators and admins may not.</summary>
    public static bool MayAuthor(Actor actor) => AuthorRoles.Any(actor.IsInRole);

    /// <summary>The field errors the input would get, without saving anything (for forms that must show all errors at once).</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(ItemInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Type is not null && ContentTypeDefinition.All.TryGetValue(input.Type, out var type))
        {
            ContentInputMapper.TryBuild(type, input, [], errors);
        }

        return errors;
    }

    public async Task<Outcome<ContentVersion>> CreateAsync(ItemInput input, Actor actor, CancellationToken cancellationToken)
    {
        input = input.Cleaned();
        if (!MayAuthor(actor))
        {
            return Outcome<ContentVersion>.From(Outcome.Forbidden("Peran Anda tidak dapat membuat naskah."));
        }

        if (string.IsNullOrWhiteSpace(input.Type) || !ContentTypeDefinition.All.TryGetValue(input.Type, out var type))
        {
            return Outcome<ContentVersion>.From(Outcome.Invalid("type", $"Jenis konten wajib salah satu dari: {string.Join(", ", ContentTypes.All)}."));
        }

        // The Kadis does not write adventorials, he orders them: the Kabid assigns a Kasi (PPTK) who prepares the file.
        var order = type.Name == ContentTypes.Adventorial && actor.IsInRole(NewsroomRoles.Kadis);
        var errors = new Dictionary<string, string[]>();
        if (order && string.IsNullOrWhiteSpace(input.OrderNote))
        {
            errors["orderNote"] = ["Catatan pesanan untuk Kabid wajib diisi: apa yang harus dimuat, di media mana, kapan."];
        }
        else if (input.OrderNote?.Length > 2000)
        {
            errors["orderNote"] = ["Catatan pesanan paling panjang 2000 karakter."];
        }

        var parts = ContentInputMapper.TryBuild(type, input, [], errors, order);
        var (sectionId, sectionError) = await sections.ResolveAsync(actor, input.Section, order, cancellationToken);
        if (sectionError is not null)
        {
            errors["section"] = [sectionError];
        }

        if (parts is null || errors.Count > 0)
        {
            return Outcome<ContentVersion>.From(Outcome.Invalid(errors));
        }

        var now = clock.GetUtcNow();
        var item = new ContentItem
        {
            Id = Guid.CreateVersion7(now),
            ContentType = type.Name,
            OwnerId = actor.UserId,
            OwnerName = actor.DisplayName,
            SectionId = sectionId,
            CreatedAt = now,
        };
        var version = NewVersion(item, 1, input.Title!.Trim(), parts, actor, now);
        item.LatestVersionId = version.Id;

        await database.InTransactionAsync(async ct =>
        {
            db.Items.Add(item);
            db.Versions.Add(version);
            Stamp(item, version, actor, now, restoredFrom: null);
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(
                new ItemCreated(
                    item.Id, item.ContentType, actor.UserId, actor.DisplayName, version.ContentHash, now, order ? input.OrderNote!.Trim() : null, sectionId), ct);
        }, cancellationToken);
        return Outcome<ContentVersion>.Ok(version);
    }

    public async Task<Outcome<Guid>> CreatePressReleaseAsync(PressReleaseDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var created = await CreateAsync(
            new ItemInput
            {
                Type = ContentTypes.PressRelease,
                Title = draft.Title,
                Lead = draft.Lead,
                Body = draft.Body,
                Category = draft.Category,
                Section = draft.SectionId,
                EventDate = draft.EventDate,
                EventPlace = draft.EventPlace,
                VideoUrl = draft.VideoUrl,
            },
            actor,
            cancellationToken);
        return created.Succeeded ? Outcome<Guid>.Ok(created.Value!.ItemId) : Outcome<Guid>.From(created);
    }

    /// <summary>
    /// Saves a change of the working copy. <paramref name="expectedRevision"/> is the revision the writer started from
    /// (the desk always sends it, the API when the client sends <c>If-Match</c>): when someone saved since, the change
    /// is refused as <see cref="OutcomeKind.Stale"/>, never written over the other person's.
    /// </summary>
    public async Task<Outcome<ContentVersion>> UpdateAsync(
        Guid itemId, ItemInput input, Actor actor, CancellationToken cancellationToken, int? expectedRevision = null)
    {
        input = input.Cleaned();
        return await GuardStaleAsync(itemId, () => database.InTransactionAsync(async ct =>
        {
            var (item, latest, refusal) = await LoadEditableAsync(itemId, actor, ct);
            if (refusal is not null)
            {
                return Outcome<ContentVersion>.From(refusal);
            }

            if (expectedRevision is { } expected && expected != item!.Revision)
            {
                return Outcome<ContentVersion>.From(StaleOutcome(item));
            }

            if (input.Type is not null && input.Type != item!.ContentType)
            {
                return Outcome<ContentVersion>.From(Outcome.Invalid("type", "Jenis konten tidak dapat diubah."));
            }

            var errors = new Dictionary<string, string[]>();
            var parts = ContentInputMapper.TryBuild(ContentTypeDefinition.All[item!.ContentType], input, latest!.Parts.Photos, errors);
            return parts is null
                ? Outcome<ContentVersion>.From(Outcome.Invalid(errors))
                : Outcome<ContentVersion>.Ok(await ChangeAsync(item, latest, input.Title!.Trim(), parts, actor, ct));
        }, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Saves the text of an older revision as a new one, by whoever may edit the item now. It is an edit like any
    /// other (<see cref="ItemContentChanged"/>), so the approval chain treats it as one: approvals given to another
    /// text lapse and the item goes through the chain again. The photos stay as they are now.
    /// </summary>
    public async Task<Outcome<ContentVersion>> RestoreAsync(
        Guid itemId, int revision, Actor actor, CancellationToken cancellationToken, int? expectedRevision = null)
        => await GuardStaleAsync(itemId, () => database.InTransactionAsync(async ct =>
        {
            var (item, latest, refusal) = await LoadEditableAsync(itemId, actor, ct);
            if (refusal is not null)
            {
                return Outcome<ContentVersion>.From(refusal);
            }

            if (expectedRevision is { } expected && expected != item!.Revision)
            {
                return Outcome<ContentVersion>.From(StaleOutcome(item));
            }

            var old = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == itemId && r.Number == revision, ct);
            if (old is null)
            {
                return Outcome<ContentVersion>.From(Outcome.NotFound($"Versi {revision} naskah ini tidak ditemukan."));
            }

            var parts = old.Parts with { Photos = latest!.Parts.Photos };
            if (ContentHasher.Compute(item!.ContentType, old.Title, parts) == latest.ContentHash)
            {
                return Outcome<ContentVersion>.From(Outcome.Conflict($"Teks versi {revision} sama dengan teks sekarang; tidak ada yang dipulihkan."));
            }

            return Outcome<ContentVersion>.Ok(await ChangeAsync(item, latest, old.Title, parts, actor, ct, restoredFrom: revision));
        }, cancellationToken), cancellationToken);

    /// <summary>The item's last revision, who saved it and when; null when there is no such item.</summary>
    public async Task<ItemStamp?> StampAsync(Guid itemId, CancellationToken cancellationToken)
        => await db.Items.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new ItemStamp(i.Revision, i.UpdatedByName ?? i.OwnerName, i.UpdatedAt ?? i.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    private static Outcome StaleOutcome(ContentItem item)
        => Outcome.Stale(
            $"Naskah telah diubah oleh {item.UpdatedByName ?? item.OwnerName} pada {IndonesianTime.Short(item.UpdatedAt ?? item.CreatedAt)} " +
            $"(versi {item.Revision}) sejak Anda membukanya. Perubahan Anda belum disimpan.");

    /// <summary>Two saves from the same revision at the same moment: the one that loses the race is refused as stale.</summary>
    private async Task<Outcome<ContentVersion>> GuardStaleAsync(Guid itemId, Func<Task<Outcome<ContentVersion>>> save, CancellationToken cancellationToken)
    {
        try
        {
            return await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == itemId, cancellationToken);
            return Outcome<ContentVersion>.From(StaleOutcome(item));
        }
    }

    public async Task<Outcome> AttachPhotoAsync(Guid itemId, PhotoRef photo, Actor actor, CancellationToken cancellationToken)
    {
        return await database.InTransactionAsync<Outcome>(async ct =>
        {
            var (item, latest, refusal) = await LoadEditableAsync(itemId, actor, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            var parts = latest!.Parts with { Photos = [.. latest.Parts.Photos, photo] };
            await ChangeAsync(item!, latest, latest.Title, parts, actor, ct);
            return Outcome.Ok();
        }, cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<PhotoRef>>> ChangePhotosAsync(
        Guid itemId, Func<IReadOnlyList<PhotoRef>, Outcome<IReadOnlyList<PhotoRef>>> change, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await database.InTransactionAsync(async ct =>
        {
            var (item, latest, refusal) = await LoadEditableAsync(itemId, actor, ct);
            if (refusal is not null)
            {
                return Outcome<IReadOnlyList<PhotoRef>>.From(refusal);
            }

            var changed = change(latest!.Parts.Photos);
            if (changed.Succeeded)
            {
                await ChangeAsync(item!, latest, latest.Title, latest.Parts with { Photos = [.. changed.Value!] }, actor, ct);
            }

            return changed;
        }, cancellationToken);
    }

    /// <summary>Moves an adventorial's publication date (tanggal tayang), as an edit of its file by whoever may edit it now.</summary>
    public async Task<Outcome> SetPublicationDateAsync(Guid itemId, DateOnly date, Actor actor, CancellationToken cancellationToken)
        => await database.InTransactionAsync<Outcome>(async ct =>
        {
            var (item, latest, refusal) = await LoadEditableAsync(itemId, actor, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            if (latest!.Parts.Adventorial is not { } file)
            {
                return Outcome.NotFound("Adventorial tidak ditemukan.");
            }

            await ChangeAsync(item!, latest, latest.Title, latest.Parts with { Adventorial = file with { PublicationDate = date } }, actor, ct);
            return Outcome.Ok();
        }, cancellationToken);

    /// <summary>
    /// Puts the text recognised from a clipping's scan into its text field, as the system, while the clipping is a
    /// draft nobody has seen and its text is still empty: what the archivist typed is never overwritten.
    /// </summary>
    public async Task<bool> FillRecognizedTextAsync(Guid itemId, string text, CancellationToken cancellationToken)
        => await database.InTransactionAsync(async ct =>
        {
            var item = await db.Items.SingleOrDefaultAsync(i => i.Id == itemId, ct);
            if (item is null)
            {
                return false;
            }

            var latest = await db.Versions.SingleAsync(v => v.Id == item.LatestVersionId, ct);
            if (latest.Sealed || latest.Parts.Clipping is not { } clipping || !string.IsNullOrWhiteSpace(clipping.Text))
            {
                return false;
            }

            var recognized = text.Length > 20_000 ? text[..20_000] : text;
            await ChangeAsync(item, latest, latest.Title, latest.Parts with { Clipping = clipping with { Text = recognized } }, Actor.System, ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Puts text recognised again (the desk's "Kenali ulang teks") into a clipping in place of its text, as an edit by
    /// <paramref name="actor"/>, who must still be allowed to change the item: a new version once the item is sealed.
    /// </summary>
    public async Task<Outcome> ReplaceRecognizedTextAsync(Guid itemId, string text, Actor actor, CancellationToken cancellationToken)
        => await database.InTransactionAsync(async ct =>
        {
            var (item, latest, refusal) = await LoadEditableAsync(itemId, actor, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            if (latest!.Parts.Clipping is not { } clipping)
            {
                return Outcome.Conflict("Pengenalan teks hanya untuk kliping.");
            }

            var recognized = text.Length > 20_000 ? text[..20_000] : text;
            await ChangeAsync(item!, latest, latest.Title, latest.Parts with { Clipping = clipping with { Text = recognized } }, actor, ct);
            return Outcome.Ok();
        }, cancellationToken);

    private async Task<(ContentItem? Item, ContentVersion? Latest, Outcome? Refusal)> LoadEditableAsync(Guid itemId, Actor actor, CancellationToken ct)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return (null, null, Outcome.NotFound("Naskah tidak ditemukan."));
        }

        var gate = await editGate.CanEditAsync(itemId, actor, ct);
        if (!gate.Succeeded)
        {
            return (null, null, gate);
        }

        var latest = await db.Versions.SingleAsync(v => v.Id == item.LatestVersionId, ct);
        return (item, latest, null);
    }

    /// <summary>Applies a change: in place on an unseen draft, otherwise as a new version. Unchanged content is a no-op.</summary>
    private async Task<ContentVersion> ChangeAsync(
        ContentItem item, ContentVersion latest, string title, ContentParts parts, Actor actor, CancellationToken ct, int? restoredFrom = null)
    {
        var hash = ContentHasher.Compute(item.ContentType, title, parts);
        if (hash == latest.ContentHash)
        {
            return latest;
        }

        var now = clock.GetUtcNow();
        ContentVersion version;
        if (latest.Sealed)
        {
            version = NewVersion(item, latest.Number + 1, title, parts, actor, now);
            db.Versions.Add(version);
            item.LatestVersionId = version.Id;
        }
        else
        {
            version = latest;
            version.Title = title;
            version.Parts = parts;
            version.ContentHash = hash;
        }

        Stamp(item, version, actor, now, restoredFrom);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(
            new ItemContentChanged(item.Id, version.Id, version.ContentHash, actor.UserId, actor.DisplayName, actor.Roles, now), ct);
        return version;
    }

    /// <summary>Records a save: the item's next revision, with who saved it and when.</summary>
    private void Stamp(ContentItem item, ContentVersion version, Actor actor, DateTimeOffset now, int? restoredFrom)
    {
        item.Revision++;
        item.UpdatedBy = actor.UserId;
        item.UpdatedByName = actor.DisplayName;
        item.UpdatedAt = now;
        db.Revisions.Add(new ContentRevision
        {
            ItemId = item.Id,
            Number = item.Revision,
            VersionId = version.Id,
            VersionNumber = version.Number,
            Title = version.Title,
            Parts = version.Parts,
            ContentHash = version.ContentHash,
            SavedBy = actor.UserId,
            SavedByName = actor.DisplayName,
            SavedAt = now,
            RestoredFrom = restoredFrom,
        });
    }

    private static ContentVersion NewVersion(ContentItem item, int number, string title, ContentParts parts, Actor actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ItemId = item.Id,
        Number = number,
        Title = title,
        Parts = parts,
        ContentHash = ContentHasher.Compute(item.ContentType, title, parts),
        CreatedAt = now,
        CreatedBy = actor.UserId,
    };
}
