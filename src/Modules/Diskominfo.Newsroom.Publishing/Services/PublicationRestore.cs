using Diskominfo.Newsroom.Abstractions.Operations;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Publishing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>
/// After a restore the database is as it was when the backup was taken, and Meta is as it is now: a publication that was
/// unfinished then may have gone out since. Every unfinished publication loses its lease (the jobs that held them are
/// gone), and every unfinished social one is marked so that its next attempt looks it up at Meta before posting
/// (Facebook by the Page's feed; Instagram by its container, or by the account's recent media when it has none).
/// A retry's wait is dropped so the lookups run as soon as the site starts; a scheduled time is kept.
/// </summary>
internal sealed class PublicationRestore : IRestoreParticipant
{
    public int Order => 200;

    public string Name => "publications";

    public async Task<string> AfterRestoreAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<PublishingDbContext>();
        var open = await db.Publications
            .Where(p => p.Status == PublicationStatuses.Pending || p.Status == PublicationStatuses.Held || p.Status == PublicationStatuses.Unknown)
            .ToListAsync(cancellationToken);
        var leases = 0;
        var social = 0;
        foreach (var publication in open)
        {
            leases += publication.LeaseUntil is null ? 0 : 1;
            publication.LeaseUntil = null;
            publication.LeaseOwner = null;
            if (publication.NextAttemptAt > publication.DueAt)
            {
                publication.NextAttemptAt = null;
            }

            if (publication.Channel != PublicationChannels.Website && publication.EditOf is null)
            {
                publication.AttemptOpen = true;
                publication.LookupFailures = 0;
                social++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return $"Publikasi: {open.Count} belum selesai ({social} ke media sosial diperiksa dulu di Meta sebelum dikirim, agar tidak terkirim dua kali); {leases} kunci pekerjaan dilepas.";
    }
}
