using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Channels;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// What each social channel will receive for an item, before or after the signature: the caption (generated, or the
/// operator's own), its counts against the channel's limits, and the photos as the channel gets them.
/// The operator may replace a caption until that channel's post has gone out; each change is written to the audit log.
/// </summary>
internal sealed class CaptionDesk(
    PublishingDbContext db, NewsroomDatabase database, IContentCatalog content, IItemAccess access, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<CaptionPreview>> PreviewAsync(Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        // Another person's unpublished item is not there for this user, as no item at all.
        if (await access.SightAsync(itemId, actor, cancellationToken) != ItemSight.Work)
        {
            return Outcome<CaptionPreview>.From(Outcome.NotFound("Naskah tidak ditemukan."));
        }

        if (!actor.SeesAllWork)
        {
            return Outcome<CaptionPreview>.From(Outcome.Forbidden("Pratinjau takarir hanya untuk penyunting, operator dan admin."));
        }

        var publications = await db.Publications.AsNoTracking().Where(p => p.ItemId == itemId).ToListAsync(cancellationToken);
        var first = publications.Where(p => p.Round == 0).ToList();
        var snapshot = first.Count > 0
            ? await content.GetVersionAsync(itemId, first[0].VersionId, cancellationToken)
            : await content.GetLatestAsync(itemId, cancellationToken);
        if (snapshot is null)
        {
            return Outcome<CaptionPreview>.From(Outcome.NotFound("Naskah tidak ditemukan."));
        }

        var overrides = await db.Captions.AsNoTracking().Where(c => c.ItemId == itemId).ToListAsync(cancellationToken);
        var articleUrl = first.SingleOrDefault(p => p.Channel == PublicationChannels.Website && p.Status == PublicationStatuses.Published)?.Url;
        var photos = snapshot.Photos.Where(p => p.IsImage).ToList();
        var channels = new List<ChannelCaption>();
        foreach (var channel in new[] { PublicationChannels.Facebook, PublicationChannels.Instagram })
        {
            var own = overrides.SingleOrDefault(o => o.Channel == channel);
            var generated = channel == PublicationChannels.Facebook
                ? Captions.Facebook(snapshot, articleUrl ?? Captions.LinkPlaceholder)
                : Captions.Instagram(snapshot, articleUrl ?? Captions.LinkPlaceholder);
            var text = own?.Text ?? generated;
            var (characters, hashtags, mentions) = Captions.Measure(Captions.Fill(text, articleUrl ?? Captions.SampleArticleUrl));
            var publication = first.SingleOrDefault(p => p.Channel == channel);
            var locked = publication is not null
                         && (publication.Status == PublicationStatuses.Published || publication.LeaseUntil > clock.GetUtcNow() || publication.AttemptOpen);
            channels.Add(new ChannelCaption(
                channel,
                PublicationChannels.Label(channel),
                text,
                generated,
                own is not null,
                own?.UpdatedBy,
                characters,
                hashtags,
                mentions,
                channel == PublicationChannels.Instagram ? Captions.InstagramMaxLength : Captions.FacebookMaxLength,
                Captions.Check(channel, text),
                publication is null ? null : PublicationStatuses.Label(publication.Status),
                !locked && PublicationControl.MayControl(actor),
                channel == PublicationChannels.Instagram
                    ? photos.Take(1).Select(p => new PhotoPreview(MediaPaths.Rendition(p.MediaId, SocialRendition.Instagram), p.Caption)).ToList()
                    : photos.Take(FacebookChannel.MaxPhotos).Select(p => new PhotoPreview(MediaPaths.Rendition(p.MediaId, SocialRendition.Facebook), p.Caption)).ToList()));
        }

        return Outcome<CaptionPreview>.Ok(new CaptionPreview(itemId, snapshot.Title, articleUrl, channels));
    }

    /// <summary>The longest caption an operator may write (as stored); Facebook would take more, nobody writes it.</summary>
    public const int OverrideMaxLength = 5000;

    /// <summary>Sets the operator's caption for a channel; an empty one goes back to the generated caption.</summary>
    public Task<Outcome> SaveAsync(Guid itemId, string channel, string? text, Actor actor, CancellationToken cancellationToken)
        => database.InTransactionAsync(ct => SaveInTransactionAsync(itemId, channel, text, actor, ct), cancellationToken);

    private async Task<Outcome> SaveInTransactionAsync(Guid itemId, string channel, string? text, Actor actor, CancellationToken cancellationToken)
    {
        if (!PublicationControl.MayControl(actor))
        {
            return Outcome.Forbidden("Hanya operator website atau admin yang dapat menyesuaikan takarir.");
        }

        if (channel is not (PublicationChannels.Facebook or PublicationChannels.Instagram))
        {
            return Outcome.NotFound("Kanal tidak dikenal; pilih facebook atau instagram.");
        }

        if (text?.Length > OverrideMaxLength)
        {
            return Outcome.Invalid("text", $"Takarir yang disesuaikan paling panjang {OverrideMaxLength} karakter.");
        }

        var item = await content.GetLatestAsync(itemId, cancellationToken);
        if (item is null)
        {
            return Outcome.NotFound("Naskah tidak ditemukan.");
        }

        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.ItemId == itemId && p.Channel == channel && p.Round == 0, cancellationToken);
        if (publication is not null && (publication.Status == PublicationStatuses.Published || publication.LeaseUntil > clock.GetUtcNow()))
        {
            return Outcome.Conflict(publication.Status == PublicationStatuses.Published
                ? $"Kiriman {PublicationChannels.Label(channel)} sudah terbit; takarirnya tidak dapat diubah dari sini."
                : $"Kiriman {PublicationChannels.Label(channel)} sedang dikirim; takarir tidak dapat diubah saat ini.");
        }

        if (publication?.AttemptOpen == true)
        {
            // The lookup recognises the post by the text that was sent: changing it now could hide the post and send it twice.
            return Outcome.Conflict($"Meta belum memastikan apakah kiriman {PublicationChannels.Label(channel)} sebelumnya sudah dibuat; takarir tidak dapat diubah sampai Meta menjawab.");
        }

        var own = await db.Captions.SingleOrDefaultAsync(c => c.ItemId == itemId && c.Channel == channel, cancellationToken);
        var before = own?.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (own is not null)
            {
                db.Captions.Remove(own);
                await db.SaveChangesAsync(cancellationToken);
                await AuditAsync(item, channel, actor, before, null, cancellationToken);
            }

            return Outcome.Ok();
        }

        text = (Infrastructure.Text.UntrustedText.Clean(text) ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var errors = Captions.Check(channel, text);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(new Dictionary<string, string[]> { ["text"] = [.. errors] }, errors[0]);
        }

        if (own is null)
        {
            own = new CaptionOverride { ItemId = itemId, Channel = channel };
            db.Captions.Add(own);
        }

        own.Text = text;
        own.UpdatedBy = actor.DisplayName;
        own.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if (before != text)
        {
            await AuditAsync(item, channel, actor, before, text, cancellationToken);
        }

        return Outcome.Ok();
    }

    /// <summary>The change in the audit log: the operator's caption before and after (none: the generated one).</summary>
    private Task AuditAsync(ContentSnapshot item, string channel, Actor actor, string? before, string? after, CancellationToken cancellationToken)
        => events.PublishAsync(new AuditEvent(
            AuditActions.CaptionOverridden, actor.UserId, actor.DisplayName, "caption", $"{item.ItemId}/{channel}",
            after is null
                ? $"Takarir {PublicationChannels.Label(channel)} untuk “{item.Title}” dikembalikan ke takarir otomatis."
                : $"Takarir {PublicationChannels.Label(channel)} untuk “{item.Title}” disesuaikan.",
            clock.GetUtcNow(),
            new Dictionary<string, string?> { ["caption"] = before ?? AutomaticCaption },
            new Dictionary<string, string?> { ["caption"] = after ?? AutomaticCaption }), cancellationToken);

    private const string AutomaticCaption = "(takarir otomatis)";
}

public sealed record CaptionPreview(Guid ItemId, string Title, string? ArticleUrl, IReadOnlyList<ChannelCaption> Channels);

public sealed record ChannelCaption(
    string Channel,
    string Label,
    string Text,
    string Generated,
    bool IsOwn,
    string? OwnBy,
    int Characters,
    int Hashtags,
    int Mentions,
    int MaxCharacters,
    IReadOnlyList<string> Problems,
    string? PublicationStatus,
    bool CanEdit,
    IReadOnlyList<PhotoPreview> Photos);

public sealed record PhotoPreview(string Url, string? Alt);
