using System.Globalization;
using System.Security.Cryptography;
using Diskominfo.Newsroom.Abstractions.Audit;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coordination.Data;
using Diskominfo.Newsroom.Coordination.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// Registers an invitation in the agenda book (SOP step 2): every field and the letter are checked before anything is
/// kept; the letter is written, then the activity gets the next running number of the year in one transaction with its
/// first trail entry, the notice to the Kasi and the audit entry. A failed save removes the letter again.
/// </summary>
internal sealed class ActivityRegistration(
    CoordinationDbContext db, NewsroomDatabase database, IFileInspector inspector, LetterStore letters, ActivityQueries queries,
    IEventPublisher events, TimeProvider clock, ILogger<ActivityRegistration> logger)
{
    /// <summary>The lock that serializes the choice of the next agenda number (PostgreSQL; SQLite transactions are serial).</summary>
    private const string NumberLock = "coordination-agenda-number";

    public async Task<Outcome<Activity>> RegisterAsync(RegisterActivityInput input, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var title = Text(input.Title, "title", "Nama kegiatan", ActivityLimits.Title, errors);
        var organizer = Text(input.Organizer, "organizer", "Penyelenggara", ActivityLimits.Organizer, errors);
        var place = Text(input.Place, "place", "Tempat", ActivityLimits.Place, errors);
        var letterNumber = Text(input.LetterNumber, "letterNumber", "Nomor surat", ActivityLimits.LetterNumber, errors);
        var contact = input.Contact?.Trim() is { Length: > 0 } c ? c : null;
        if (contact?.Length > ActivityLimits.Contact)
        {
            errors["contact"] = [$"Kontak paling panjang {ActivityLimits.Contact} karakter."];
        }

        var start = Instant(input.Start, "start", "Waktu mulai", errors);
        var end = Instant(input.End, "end", "Waktu selesai", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors["end"] = ["Waktu selesai harus sesudah waktu mulai."];
        }

        var letterDate = WibInput.Date(input.LetterDate);
        if (letterDate is null)
        {
            errors["letterDate"] = [string.IsNullOrWhiteSpace(input.LetterDate)
                ? "Tanggal surat wajib diisi."
                : $"Tanggal surat '{input.LetterDate}' tidak dikenali; gunakan TTTT-BB-HH."];
        }
        else if (letterDate > DateOnly.FromDateTime(IndonesianTime.ToWib(now).DateTime))
        {
            errors["letterDate"] = ["Tanggal surat tidak boleh sesudah hari ini."];
        }

        var receivedAt = string.IsNullOrWhiteSpace(input.ReceivedAt) ? now : WibInput.Instant(input.ReceivedAt);
        if (receivedAt is null)
        {
            errors["receivedAt"] = [$"Waktu surat diterima '{input.ReceivedAt}' tidak dikenali; gunakan TTTT-BB-HHTjj:mm (WIB)."];
        }
        else if (receivedAt > now)
        {
            errors["receivedAt"] = ["Waktu surat diterima tidak boleh sesudah sekarang."];
        }

        var sectionId = await SectionAsync(input.SectionId, errors, cancellationToken);
        InspectedFile? file = null;
        if (input.Letter is null || input.Letter.Length == 0)
        {
            errors["letter"] = ["Pindaian surat undangan (PDF atau foto) wajib dilampirkan pada field 'letter'."];
        }
        else
        {
            var inspected = inspector.Inspect(input.Letter, allowPdf: true);
            if (inspected.Succeeded)
            {
                file = inspected.Value;
            }
            else
            {
                errors["letter"] = inspected.Errors?.Values.SelectMany(m => m).ToArray() ?? [inspected.Message ?? "Berkas ditolak."];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<Activity>.From(Outcome.Invalid(errors, "Undangan belum dicatat: periksa isian yang ditandai."));
        }

        var id = Guid.NewGuid();
        var path = await letters.SaveAsync(id, file!.Extension, file.ContentType, input.Letter!, now, cancellationToken);
        try
        {
            var activity = await database.InTransactionAsync(async ct =>
            {
                await database.LockAsync(NumberLock, ct);
                var year = IndonesianTime.ToWib(now).Year;
                var sequence = (await db.Activities.Where(a => a.Year == year).MaxAsync(a => (int?)a.Sequence, ct) ?? 0) + 1;
                var activity = new Activity
                {
                    Id = id,
                    Year = year,
                    Sequence = sequence,
                    AgendaNumber = AgendaNumber(sequence, year),
                    Title = title!,
                    Organizer = organizer!,
                    Place = place!,
                    Contact = contact,
                    Start = start!.Value,
                    End = end!.Value,
                    LetterNumber = letterNumber!,
                    LetterDate = letterDate!.Value,
                    SectionId = sectionId,
                    ReceivedAt = receivedAt!.Value,
                    RegisteredAt = now,
                    RegisteredById = actor.UserId,
                    RegisteredByName = actor.DisplayName,
                    Status = ActivityStatuses.Registered,
                    StatusSince = now,
                    LetterPath = path,
                    LetterContentType = file.ContentType,
                    LetterFileName = FileName(input.LetterFileName, file.Extension),
                    LetterSize = input.Letter!.Length,
                    LetterSha256 = Convert.ToHexStringLower(SHA256.HashData(input.Letter)),
                };
                activity.Trail.Add(new ActivityEntry
                {
                    ActivityId = id,
                    Sequence = 1,
                    Action = ActivityAction.Registered,
                    ToStatus = ActivityStatuses.Registered,
                    ActorId = actor.UserId,
                    ActorName = actor.DisplayName,
                    At = now,
                });
                db.Activities.Add(activity);
                await db.SaveChangesAsync(ct);
                await events.PublishAsync(ActivityNotices.Registered(activity, actor), ct);
                await events.PublishAsync(new AuditEvent(
                    AuditActions.ActivityRegistered, actor.UserId, actor.DisplayName, "activity", id.ToString(),
                    $"Undangan {activity.AgendaNumber} \"{activity.Title}\" dari {activity.Organizer} dicatat di buku agenda.", now,
                    After: new Dictionary<string, string?>
                    {
                        ["agendaNumber"] = activity.AgendaNumber,
                        ["letterNumber"] = activity.LetterNumber,
                        ["start"] = IndonesianTime.Short(activity.Start),
                    }), ct);
                return activity;
            }, cancellationToken);
            Log.ActivityRegistered(logger, activity.AgendaNumber, activity.Id);
            return Outcome<Activity>.Ok(activity);
        }
        catch (Exception ex)
        {
            await letters.DeleteAsync(path, CancellationToken.None);
            Log.LetterRemoved(logger, ex, path);
            throw;
        }
    }

    /// <summary>For example <c>001/UND/2026</c>: the running number of the year, three digits or more, "UND" for undangan.</summary>
    public static string AgendaNumber(int sequence, int year)
        => $"{sequence.ToString("000", CultureInfo.InvariantCulture)}/UND/{year.ToString(CultureInfo.InvariantCulture)}";

    private async Task<Guid?> SectionAsync(string? text, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id) && (await queries.SeksiChoicesAsync(cancellationToken)).Any(s => s.Id == id))
        {
            return id;
        }

        errors["sectionId"] = ["Seksi tidak dikenal atau tidak aktif."];
        return null;
    }

    private static string? Text(string? value, string field, string label, int max, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = [$"{label} wajib diisi."];
            return null;
        }

        if (text.Length > max)
        {
            errors[field] = [$"{label} paling panjang {max} karakter."];
            return null;
        }

        return text;
    }

    private static DateTimeOffset? Instant(string? value, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{label} wajib diisi."];
            return null;
        }

        var at = WibInput.Instant(value);
        if (at is null || at.Value.Year is < 2000 or > 2100)
        {
            errors[field] = [$"{label} '{value}' tidak dikenali; gunakan TTTT-BB-HHTjj:mm (WIB)."];
            return null;
        }

        return at;
    }

    /// <summary>The name the letter is downloaded under: the sender's name cleaned of paths and odd characters, with the real extension.</summary>
    private static string FileName(string? given, string extension)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((given ?? "").Replace('\\', '/')));
        var clean = new string([.. name.Where(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or ' ' or '.')]).Trim();
        if (clean.Length == 0)
        {
            clean = "surat-undangan";
        }

        return $"{(clean.Length > 150 ? clean[..150] : clean)}.{extension}";
    }
}
