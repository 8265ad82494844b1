using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Publishing.Channels;
using Diskominfo.Newsroom.Publishing.Connections;
using Diskominfo.Newsroom.Publishing.Data;
using Diskominfo.Newsroom.Publishing.Models;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// Executes one publication record. It first takes a lease on the record (so two workers never run it at
/// once), saves progress before and after every remote call, and decides retries itself: Hangfire's own
/// retries are off, the database says what remains to be done.
/// </summary>
internal sealed partial class PublicationJob(
    PublishingDbContext db,
    NewsroomDatabase database,
    IContentCatalog content,
    IEnumerable<IChannelPublisher> channels,
    ChannelStatus channelStatus,
    ChannelTokens tokens,
    PublicationQueue queue,
    IEventPublisher events,
    IOptions<PublishingOptions> options,
    NodeIdentity node,
    TimeProvider clock,
    ILogger<PublicationJob> logger)
{
    /// <summary>The website's publication, on the queue its own workers serve first.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Publikasi situs web {0}")]
    [Queue(PublicationQueue.WebsiteQueue)]
    public Task RunWebsiteAsync(Guid publicationId, CancellationToken cancellationToken) => RunAsync(publicationId, cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Publikasi {0}")]
    public async Task RunAsync(Guid publicationId, CancellationToken cancellationToken)
    {
        // One time for both: a job that fires a few milliseconds early, read as early by the lease, must still be early
        // when it decides to come back later; with a later reading there it would be neither run nor rescheduled.
        var firedAt = clock.GetUtcNow();
        if (!await TryLeaseAsync(publicationId, firedAt, cancellationToken))
        {
            await RescheduleIfEarlyAsync(publicationId, firedAt, cancellationToken);
            return;
        }

        var publication = await db.Publications.SingleAsync(p => p.Id == publicationId, cancellationToken);
        var website = publication.Channel == PublicationChannels.Website
            ? publication
            : await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.ItemId == publication.ItemId && p.Round == publication.Round && p.Channel == PublicationChannels.Website, cancellationToken);
        var connection = publication.Channel == PublicationChannels.Website ? null : await channelStatus.FindAsync(publication.Channel, cancellationToken);
        var now = clock.GetUtcNow();
        ChannelResult result;
        PublicationAttempt? attempt = null;
        if (publication.Channel != PublicationChannels.Website && website?.Status != PublicationStatuses.Published)
        {
            result = new ChannelResult.Waiting();
        }
        else if (connection?.Status == ChannelStatuses.Disconnected)
        {
            // No call at all: a refused token stays refused until an admin connects the channel again.
            result = new ChannelResult.Disconnected($"Kanal {PublicationChannels.Label(publication.Channel)} terputus ({connection.StatusNote}) Publikasi ditahan sampai admin menyambungkannya ulang.");
        }
        else if (connection?.BlockedUntil is { } blocked && blocked > now)
        {
            // Calls while Meta blocks us extend the block: wait it out without calling.
            result = new ChannelResult.Retry(
                $"Meta membatasi kanal {PublicationChannels.Label(publication.Channel)} sampai {Abstractions.Text.IndonesianTime.Short(blocked)}; menunggu tanpa memanggil API.",
                blocked - now + TimeSpan.FromSeconds(1), CountsAsAttempt: false);
        }
        else if (tokens.Credentials(connection, out var problem) is var credentials && problem is not null)
        {
            result = new ChannelResult.Disconnected(problem);
            await channelStatus.MarkDisconnectedAsync(publication.Channel, problem, cancellationToken);
        }
        else
        {
            // The attempt is on record before any call: if the process or the database goes away mid-call, the next
            // job finds it still running and says so, instead of the log skipping a number.
            await CloseInterruptedAttemptsAsync(publication.Id, now, cancellationToken);
            publication.Attempts++;
            attempt = new PublicationAttempt { PublicationId = publication.Id, Number = publication.Attempts, StartedAt = now, FinishedAt = now, Outcome = PublicationAttempt.Running };
            db.Attempts.Add(attempt);
            await SaveProgressAsync(publication, cancellationToken);
            (result, attempt.Request) = await AttemptAsync(publication, website?.Url, credentials, cancellationToken);
        }

        await database.InTransactionAsync(ct => ApplyAsync(publication, result, attempt, ct), cancellationToken);
    }

    private async Task<(ChannelResult Result, string? Request)> AttemptAsync(
        Publication publication, string? articleUrl, ChannelCredentials? credentials, CancellationToken cancellationToken)
    {
        var snapshot = await content.GetVersionAsync(publication.ItemId, publication.VersionId, cancellationToken);
        if (snapshot is null)
        {
            return (new ChannelResult.Failed("Versi naskah yang ditandatangani tidak ditemukan."), null);
        }

        var channel = channels.Single(c => c.Channel == publication.Channel);
        var caption = await db.Captions.AsNoTracking()
            .Where(c => c.ItemId == publication.ItemId && c.Channel == publication.Channel)
            .Select(c => c.Text)
            .SingleOrDefaultAsync(cancellationToken);
        var max = options.Value.MaxAttempts;
        var context = new PublicationContext(
            publication, snapshot, articleUrl, credentials, caption is null ? null : Captions.Fill(caption, articleUrl),
            () => SaveProgressAsync(publication, CancellationToken.None),
            publication.Attempts > max
                ? $"Gagal setelah {max} percobaan; Meta memastikan kiriman belum ada, jadi tidak dikirim lagi. Operator dapat mengirim ulang."
                : null);
        try
        {
            return (await channel.PublishAsync(context, cancellationToken), context.Request);
        }
        catch (Exception e) when (GraphOutcomes.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            LogTransportFailure(logger, e, publication.Channel, publication.ItemId);

            // After the post call was made (AttemptOpen), no answer means the post may exist: unknown, looked up next.
            return (publication.AttemptOpen ? GraphOutcomes.UnknownFromTransport(e) : GraphOutcomes.FromTransport(e, publication.Attempts), context.Request);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own failure: kept visible on the record and retried like any other, never silently dropped.
            LogUnexpectedFailure(logger, e, publication.Channel, publication.ItemId);
            // The exception's own text is English and technical: it goes to the log, the record gets Indonesian.
            var message = $"Kesalahan internal saat menerbitkan ke {PublicationChannels.Label(publication.Channel)}; rinciannya ada di log server. Akan dicoba lagi.";
            return (publication.AttemptOpen
                ? new ChannelResult.Unknown(message + " Kiriman mungkin sudah dibuat: diperiksa dulu di Meta.", CountsAsAttempt: true)
                : new ChannelResult.Retry(message, GraphOutcomes.Backoff(publication.Attempts)), context.Request);
        }
    }

    private async Task ApplyAsync(Publication publication, ChannelResult result, PublicationAttempt? attempt, CancellationToken ct)
    {
        // The channels of one item finish in parallel jobs; one at a time decides whether it was the last.
        await database.LockAsync($"publishing-item:{publication.ItemId}", ct);
        var now = clock.GetUtcNow();
        publication.LeaseUntil = null;
        publication.LeaseOwner = null;
        if (attempt is not null)
        {
            attempt.FinishedAt = now;
            attempt.ErrorCode = result.Code;
            (string Outcome, string? Message, string? RemoteId) summary = result switch
            {
                ChannelResult.Published p => ("published", p.Note, p.RemoteId),
                ChannelResult.DryRun => ("dry_run", "Kanal belum disambungkan: permintaan dicatat, tidak dikirim.", null),
                ChannelResult.Retry r => ("retry", r.Error, null),
                ChannelResult.Unknown u => (PublicationAttempt.Unknown, u.Error, null),
                ChannelResult.Failed f => ("failed", f.Error, null),
                ChannelResult.Disconnected d => ("held", d.Error, null),
                _ => ("waiting", null, null),
            };
            (attempt.Outcome, attempt.Message, attempt.RemoteId) = summary;
        }

        switch (result)
        {
            case ChannelResult.Published published:
                if (published.ByLookup && attempt is not null)
                {
                    publication.Attempts--;
                }

                publication.Status = PublicationStatuses.Published;
                publication.RemoteId = published.RemoteId ?? publication.RemoteId;
                publication.Url = published.Url ?? publication.Url;
                publication.AttemptOpen = false;
                publication.LastError = null;
                break;
            case ChannelResult.DryRun dryRun:
                publication.Status = PublicationStatuses.DryRun;
                publication.DryRunRequest = dryRun.Request;
                publication.AttemptOpen = false;
                break;
            case ChannelResult.Failed failed:
                publication.Status = PublicationStatuses.Failed;
                publication.LastError = failed.Error;
                publication.AttemptOpen = false;
                break;
            case ChannelResult.Unknown unknown:
                // Nothing is sent again, and nothing is given up, until a lookup answers: the wait grows with each
                // lookup Meta leaves unanswered (capped), and only a post call counts as an attempt.
                if (!unknown.CountsAsAttempt && attempt is not null)
                {
                    publication.Attempts--;
                }

                publication.LookupFailures = unknown.CountsAsAttempt ? 0 : publication.LookupFailures + 1;
                var wait = GraphOutcomes.LookupBackoff(Math.Max(1, publication.LookupFailures), options.Value.LookupBackoff, options.Value.LookupBackoffMax);
                publication.AttemptOpen = true;
                publication.Status = PublicationStatuses.Unknown;
                publication.LastError = unknown.Error;
                publication.NextAttemptAt = now + wait;
                await queue.ScheduleAsync(publication.Id, publication.Channel, wait);
                break;
            case ChannelResult.Retry retry when retry.CountsAsAttempt && publication.Attempts >= options.Value.MaxAttempts && !publication.AttemptOpen:
                publication.Status = PublicationStatuses.Failed;
                publication.LastError = $"Gagal setelah {publication.Attempts} percobaan. Terakhir: {retry.Error}";
                break;
            case ChannelResult.Retry retry:
                if (!retry.CountsAsAttempt && attempt is not null)
                {
                    // Meta asked us to wait (rate limit, quota): the wait is not one of the attempts the publication may use.
                    publication.Attempts--;
                }

                if (retry.BlocksChannel)
                {
                    await channelStatus.BlockAsync(publication.Channel, now + retry.Delay, ct);
                }

                publication.LastError = retry.Error;
                publication.NextAttemptAt = now + retry.Delay;
                if (attempt is not null)
                {
                    // A rate limit met by a lookup leaves the post's existence as unknown as it was.
                    publication.Status = publication.AttemptOpen ? PublicationStatuses.Unknown : PublicationStatuses.Pending;
                }

                await queue.ScheduleAsync(publication.Id, publication.Channel, retry.Delay);
                break;
            case ChannelResult.Disconnected disconnected:
                // Held, not failed, and the attempt given back: it goes out when an admin reconnects the channel. An open
                // attempt stays open: a refused lookup did not say whether the post exists, so it is looked up after reconnecting.
                if (attempt is not null)
                {
                    publication.Attempts--;
                    await channelStatus.MarkDisconnectedAsync(publication.Channel, disconnected.Error, ct);
                }

                publication.Status = PublicationStatuses.Held;
                publication.LastError = disconnected.Error;
                publication.NextAttemptAt = null;
                break;
            case ChannelResult.Waiting:
                // The website may have finished while this job waited for the lock; its hand-over then found this record
                // still held and could not start it. Under the lock the answer is final: start again now, if so.
                var site = await db.Publications.AsNoTracking()
                    .Where(p => p.ItemId == publication.ItemId && p.Round == publication.Round && p.Channel == PublicationChannels.Website)
                    .Select(p => p.Status)
                    .SingleOrDefaultAsync(ct);
                if (site == PublicationStatuses.Published)
                {
                    await queue.EnqueueAsync(publication.Id, publication.Channel);
                }

                break;
        }

        if (publication.IsFinished)
        {
            publication.CompletedAt = now;
            publication.NextAttemptAt = null;
        }

        if (publication.IsFinished || !publication.AttemptOpen)
        {
            publication.LookupFailures = 0;
        }

        await db.SaveChangesAsync(ct);
        if (!publication.IsFinished)
        {
            return;
        }

        LogFinished(logger, publication.Channel, publication.ItemId, publication.Status);
        await events.PublishAsync(new PublicationFinished(publication.ItemId, publication.Channel, publication.Status, publication.Url, now), ct);
        var siblings = await db.Publications.Where(p => p.ItemId == publication.ItemId && p.Round == publication.Round && p.Id != publication.Id).ToListAsync(ct);
        if (publication.Channel == PublicationChannels.Website && publication.Status == PublicationStatuses.Published)
        {
            foreach (var social in siblings.Where(p => !p.IsFinished))
            {
                await queue.EnqueueAsync(social.Id, social.Channel);
            }
        }
        else if (publication.Channel == PublicationChannels.Website)
        {
            // Without the article the social posts have nothing to link to: they fail with the website.
            foreach (var social in siblings.Where(p => !p.IsFinished))
            {
                social.Status = PublicationStatuses.Failed;
                social.LastError = "Tidak diterbitkan karena publikasi ke situs web gagal.";
                social.CompletedAt = now;
            }

            await db.SaveChangesAsync(ct);
        }

        if (siblings.All(p => p.IsFinished))
        {
            await events.PublishAsync(new ItemPublicationsCompleted(publication.ItemId, publication.ContentType, now), ct);
        }
    }

    /// <summary>Takes the record for this run if it is pending and nobody holds it; one conditional UPDATE, so it is atomic.</summary>
    private async Task<bool> TryLeaseAsync(Guid publicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + options.Value.Lease;
        var owner = node.Id;
        var taken = await db.Publications
            .Where(p => p.Id == publicationId
                        && (p.Status == PublicationStatuses.Pending || p.Status == PublicationStatuses.Unknown)
                        && (p.LeaseUntil == null || p.LeaseUntil < now)
                        && (p.NextAttemptAt == null || p.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseUntil, until).SetProperty(p => p.LeaseOwner, owner), cancellationToken);
        return taken == 1;
    }

    /// <summary>
    /// A job that fires before the publication is due (the job store rounds times to the second, or the time was moved
    /// later) goes back to the scheduler for the rest of the wait, so a scheduled item goes out on time, not at the next sweep.
    /// </summary>
    private async Task RescheduleIfEarlyAsync(Guid publicationId, DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        var next = await db.Publications.AsNoTracking()
            .Where(p => p.Id == publicationId && (p.Status == PublicationStatuses.Pending || p.Status == PublicationStatuses.Unknown))
            .Select(p => new { p.NextAttemptAt, p.Channel })
            .SingleOrDefaultAsync(cancellationToken);
        if (next?.NextAttemptAt is { } due && due > firedAt && due - firedAt < TimeSpan.FromMinutes(2))
        {
            var rest = due - clock.GetUtcNow();
            await queue.ScheduleAsync(publicationId, next.Channel, (rest > TimeSpan.Zero ? rest : TimeSpan.Zero) + TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Attempts still "running" under our lease were cut off (a killed process, a lost database): said so.</summary>
    private async Task CloseInterruptedAttemptsAsync(Guid publicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var running = await db.Attempts.Where(a => a.PublicationId == publicationId && a.Outcome == PublicationAttempt.Running).ToListAsync(cancellationToken);
        foreach (var attempt in running)
        {
            attempt.Outcome = PublicationAttempt.Interrupted;
            attempt.FinishedAt = now;
            attempt.Message = "Percobaan ini terputus sebelum hasilnya tercatat (proses berhenti atau basis data tidak dapat dihubungi). "
                              + "Percobaan berikutnya memeriksa dulu apakah kiriman sudah dibuat, agar tidak terkirim dua kali.";
        }
    }

    private async Task SaveProgressAsync(Publication publication, CancellationToken cancellationToken)
    {
        publication.LeaseUntil = clock.GetUtcNow() + options.Value.Lease;
        publication.LeaseOwner = node.Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No answer from {Channel} for item {ItemId}; the next attempt checks before posting")]
    private static partial void LogTransportFailure(ILogger logger, Exception exception, string channel, Guid itemId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing item {ItemId} to {Channel} failed unexpectedly")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, string channel, Guid itemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication of item {ItemId} to {Channel} finished: {Status}")]
    private static partial void LogFinished(ILogger logger, string channel, Guid itemId, string status);
}
