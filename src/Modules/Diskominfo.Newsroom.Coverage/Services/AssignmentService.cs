using System.Security.Cryptography;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Coverage.Data;
using Diskominfo.Newsroom.Coverage.Models;
using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Coverage.Services;

/// <summary>
/// The use cases of the SOP Peliputan Pemberitaan: the head dispositions, the Kasi assigns, the assignees report, the
/// Kasi forwards, the head approves (or either returns), and an assignee starts the press release from the report.
/// </summary>
internal sealed class AssignmentService(
    CoverageDbContext db,
    NewsroomDatabase database,
    IActivitySchedule schedule,
    IOrganization organization,
    IUserDirectory users,
    IFileInspector inspector,
    ReportPhotoStore store,
    IContentEditor content,
    IItemMediaIntake mediaIntake,
    CoverageNotices notices,
    IOptions<CoverageOptions> options,
    TimeProvider clock)
{
    public const int MaxNote = 2000;
    public const int MaxReport = 20000;

    /// <summary>Who may see an assignment: everyone on the desk but reporters, who see those they are assigned to.</summary>
    public static bool MaySee(Actor actor, Assignment assignment) => actor.SeesAllWork || assignment.IsMember(actor.UserId);

    public async Task<Outcome<Guid>> DispositionAsync(DispositionInput input, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.ActivityId is null)
        {
            errors["activityId"] = ["Kegiatan wajib dipilih."];
        }

        if (input.SectionId is null)
        {
            errors["sectionId"] = ["Seksi yang ditugaskan wajib dipilih."];
        }
        else if (!(await organization.ListSectionsAsync(cancellationToken)).Any(s => s.Id == input.SectionId && s.Active && s.Kind == SectionKinds.Seksi))
        {
            errors["sectionId"] = ["Seksi tidak dikenal atau tidak aktif; pilih salah satu seksi kantor."];
        }

        NoteError(errors, "note", input.Note);
        if (errors.Count > 0)
        {
            return Outcome<Guid>.From(Outcome.Invalid(errors));
        }

        var now = clock.GetUtcNow();
        var post = await DispositionPostAsync(actor, input.SectionId, now, cancellationToken);
        if (!post.Succeeded)
        {
            return Outcome<Guid>.From(post);
        }

        var activity = await schedule.FindAsync(input.ActivityId!.Value, cancellationToken);
        if (activity is null)
        {
            return Outcome<Guid>.From(Outcome.NotFound("Kegiatan tidak ditemukan."));
        }

        if (!activity.OnSchedule)
        {
            return Outcome<Guid>.From(Outcome.Conflict("Kegiatan ini belum ada di jadwal kegiatan (belum disetujui Kadis): peliputan belum dapat didisposisikan."));
        }

        return await database.InTransactionAsync(async ct =>
        {
            await database.LockAsync($"coverage:{activity.Id}", ct);
            if (await db.Assignments.AnyAsync(a => a.ActivityId == activity.Id && a.SectionId == input.SectionId, ct))
            {
                return Outcome<Guid>.From(Outcome.Conflict("Seksi ini sudah ditugaskan meliput kegiatan ini."));
            }

            var assignment = new Assignment
            {
                Id = Guid.CreateVersion7(now),
                ActivityId = activity.Id,
                SectionId = input.SectionId!.Value,
                Status = AssignmentStatuses.Dispositioned,
                DispositionRole = post.Value!,
                DispositionById = actor.UserId,
                DispositionByName = actor.DisplayName,
                DispositionNote = Clean(input.Note),
                DispositionedAt = now,
            };
            db.Assignments.Add(assignment);
            Open(assignment, CoverageSteps.Assign, now);
            await db.SaveChangesAsync(ct);
            await notices.DispositionedAsync(assignment, activity, actor, now, ct);
            return Outcome<Guid>.Ok(assignment.Id);
        }, cancellationToken);
    }

    /// <summary>The role in which the actor dispositions to the seksi (per <see cref="CoverageOptions.DispositionBy"/>), or the refusal.</summary>
    public async Task<Outcome<string>> DispositionPostAsync(Actor actor, Guid? sectionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Outcome? refusal = null;
        foreach (var role in options.Value.DispositionRoles)
        {
            var post = await organization.AuthorizeStepAsync(actor, role, sectionId, at, cancellationToken);
            if (post.Succeeded)
            {
                return Outcome<string>.Ok(role);
            }

            refusal ??= post;
        }

        var who = string.Join(" atau ", options.Value.DispositionRoles.Select(NewsroomRoles.Title));
        return Outcome<string>.From(Outcome.Forbidden($"Hanya {who} yang dapat mendisposisikan peliputan. {refusal?.Message}".Trim()));
    }

    public async Task<Outcome> AssignAsync(Guid id, AssignInput input, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var reporterIds = (input.ReporterIds ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var members = new List<AssignmentMember>();
        if (reporterIds.Count == 0)
        {
            errors["reporterIds"] = ["Pilih sedikitnya satu peliput."];
        }
        else if (reporterIds.Count > 10)
        {
            errors["reporterIds"] = ["Peliput paling banyak 10 orang."];
        }
        else
        {
            foreach (var reporterId in reporterIds)
            {
                if (await ActiveStaffAsync(reporterId, cancellationToken) is { } user)
                {
                    members.Add(new AssignmentMember { UserId = user.Id, DisplayName = user.DisplayName, Role = AssignmentMember.Reporter });
                }
                else
                {
                    errors["reporterIds"] = [$"Pengguna '{Echo(reporterId)}' tidak dikenal atau tidak aktif."];
                }
            }
        }

        if (string.IsNullOrWhiteSpace(input.PhotographerId))
        {
            errors["photographerId"] = ["Fotografer wajib dipilih."];
        }
        else if (await ActiveStaffAsync(input.PhotographerId.Trim(), cancellationToken) is { } photographer)
        {
            members.Add(new AssignmentMember { UserId = photographer.Id, DisplayName = photographer.DisplayName, Role = AssignmentMember.Photographer });
        }
        else
        {
            errors["photographerId"] = [$"Pengguna '{Echo(input.PhotographerId)}' tidak dikenal atau tidak aktif."];
        }

        NoteError(errors, "note", input.Note);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        return await database.InTransactionAsync<Outcome>(async ct =>
        {
            var (assignment, refusal) = await LoadAsync(id, actor, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            var post = await organization.AuthorizeStepAsync(actor, NewsroomRoles.Kasi, assignment!.SectionId, now, ct);
            if (!post.Succeeded)
            {
                return Outcome.Forbidden($"Hanya Kasi seksi yang didisposisi yang dapat menugaskan staf. {post.Message}".Trim());
            }

            if (assignment.Status is not (AssignmentStatuses.Dispositioned or AssignmentStatuses.Assigned))
            {
                return Outcome.Conflict("Staf tidak dapat diganti lagi: laporan liputan sudah disampaikan.");
            }

            db.Members.RemoveRange(assignment.Members);
            assignment.Members.Clear();
            assignment.Members.AddRange(members);
            assignment.Status = AssignmentStatuses.Assigned;
            assignment.AssignedById = actor.UserId;
            assignment.AssignedByName = actor.DisplayName;
            assignment.AssignNote = Clean(input.Note);
            if (assignment.AssignedAt is null)
            {
                assignment.AssignedAt = now;
                await CloseAsync(assignment.Id, CoverageSteps.Assign, now, ct);
                Open(assignment, CoverageSteps.Cover, now);
            }

            await db.SaveChangesAsync(ct);
            await notices.AssignedAsync(assignment, await schedule.FindAsync(assignment.ActivityId, ct), actor, now, ct);
            return Outcome.Ok();
        }, cancellationToken);
    }

    public async Task<Outcome> FileReportAsync(Guid id, ReportInput input, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors["text"] = ["Isi laporan (apa yang terjadi) wajib diisi."];
        }
        else if (text.Length > MaxReport)
        {
            errors["text"] = [$"Isi laporan paling panjang {MaxReport} karakter."];
        }

        var video = Clean(input.VideoUrl);
        if (video is not null && (video.Length > 500 || !Uri.TryCreate(video, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)))
        {
            errors["videoUrl"] = ["Tautan video harus alamat https:// yang lengkap (paling panjang 500 karakter)."];
        }

        if (input.Photos.Count > options.Value.MaxPhotosPerReport)
        {
            errors["photos"] = [$"Foto paling banyak {options.Value.MaxPhotosPerReport} sekali kirim."];
        }

        var checkedPhotos = new List<(UploadedPhoto Photo, InspectedFile File)>();
        foreach (var photo in input.Photos)
        {
            if (photo.Bytes.LongLength > inspector.MaxBytes)
            {
                errors["photos"] = [$"Foto '{Echo(photo.FileName)}' terlalu besar."];
                continue;
            }

            var inspected = inspector.Inspect(photo.Bytes, allowPdf: false);
            if (inspected.Succeeded)
            {
                checkedPhotos.Add((photo, inspected.Value!));
            }
            else
            {
                var reason = inspected.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? inspected.Message;
                errors["photos"] = [$"Foto '{Echo(photo.FileName)}' ditolak: {reason}"];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var written = new List<string>();
        try
        {
            return await database.InTransactionAsync<Outcome>(async ct =>
            {
                var (assignment, refusal) = await LoadAsync(id, actor, ct);
                if (refusal is not null)
                {
                    return refusal;
                }

                if (!assignment!.IsMember(actor.UserId))
                {
                    return Outcome.Forbidden("Hanya staf yang ditugaskan yang dapat menyampaikan laporan liputan.");
                }

                if (assignment.Status is not (AssignmentStatuses.Assigned or AssignmentStatuses.Returned))
                {
                    return Outcome.Conflict(assignment.Status == AssignmentStatuses.Dispositioned
                        ? "Belum ada staf yang ditugaskan."
                        : "Laporan sudah disampaikan dan sedang diperiksa atau sudah disahkan.");
                }

                foreach (var (photo, file) in checkedPhotos)
                {
                    var photoId = Guid.CreateVersion7(now);
                    var path = ReportPhotoStore.RelativePath(assignment.Id, photoId, file.Extension);
                    await store.WriteAsync(path, photo.Bytes, file.ContentType, ct);
                    written.Add(path);
                    db.Photos.Add(new ReportPhoto
                    {
                        Id = photoId,
                        AssignmentId = assignment.Id,
                        StoragePath = path,
                        OriginalName = Path.GetFileName(photo.FileName) is { Length: > 0 and <= 200 } name ? name : "foto",
                        ContentType = file.ContentType,
                        Width = file.Width,
                        Height = file.Height,
                        Size = photo.Bytes.LongLength,
                        Sha256 = Convert.ToHexStringLower(SHA256.HashData(photo.Bytes)),
                        UploadedById = actor.UserId,
                        UploadedByName = actor.DisplayName,
                        UploadedAt = now,
                    });
                }

                assignment.ReportText = text;
                assignment.VideoUrl = video;
                assignment.ReportedAt = now;
                assignment.ReportedByName = actor.DisplayName;
                assignment.Status = AssignmentStatuses.Reported;
                assignment.ReturnNote = null;
                await CloseAsync(assignment.Id, CoverageSteps.Cover, now, ct);
                Open(assignment, CoverageSteps.Check, now);
                await db.SaveChangesAsync(ct);
                await notices.ReportFiledAsync(assignment, await schedule.FindAsync(assignment.ActivityId, ct), actor, now, ct);
                return Outcome.Ok();
            }, cancellationToken);
        }
        catch
        {
            foreach (var path in written)
            {
                await store.DeleteAsync(path, CancellationToken.None);
            }

            throw;
        }
    }

    public Task<Outcome> ForwardAsync(Guid id, NoteInput input, Actor actor, CancellationToken cancellationToken)
        => DecideAsync(id, input, actor, AssignmentStatuses.Reported, NewsroomRoles.Kasi, async (a, activity, now, ct) =>
        {
            a.Status = AssignmentStatuses.Forwarded;
            a.ForwardedAt = now;
            a.ForwardedByName = actor.DisplayName;
            a.ForwardNote = Clean(input.Note);
            await CloseAsync(a.Id, CoverageSteps.Check, now, ct);
            Open(a, CoverageSteps.Approve, now);
            await db.SaveChangesAsync(ct);
            await notices.ForwardedAsync(a, activity, actor, now, ct);
        }, cancellationToken);

    public Task<Outcome> ApproveAsync(Guid id, NoteInput input, Actor actor, CancellationToken cancellationToken)
        => DecideAsync(id, input, actor, AssignmentStatuses.Forwarded, null, async (a, activity, now, ct) =>
        {
            a.Status = AssignmentStatuses.Approved;
            a.ApprovedAt = now;
            a.ApprovedByName = actor.DisplayName;
            a.ApprovalNote = Clean(input.Note);
            await CloseAsync(a.Id, CoverageSteps.Approve, now, ct);
            await db.SaveChangesAsync(ct);
            await notices.ApprovedAsync(a, activity, actor, now, ct);
        }, cancellationToken);

    /// <summary>The Kasi returns a report he is checking, the head one he is asked to approve; a note is required.</summary>
    public async Task<Outcome> ReturnAsync(Guid id, NoteInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Note))
        {
            return Outcome.Invalid("note", "Catatan pengembalian wajib diisi: apa yang harus diperbaiki.");
        }

        var current = await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(a => a.Status).SingleOrDefaultAsync(cancellationToken);
        var (from, step) = current == AssignmentStatuses.Forwarded
            ? (AssignmentStatuses.Forwarded, CoverageSteps.Approve)
            : (AssignmentStatuses.Reported, CoverageSteps.Check);
        return await DecideAsync(id, input, actor, from, from == AssignmentStatuses.Reported ? NewsroomRoles.Kasi : null, async (a, activity, now, ct) =>
        {
            a.Status = AssignmentStatuses.Returned;
            a.ReturnedAt = now;
            a.ReturnedByName = actor.DisplayName;
            a.ReturnNote = Clean(input.Note);
            await CloseAsync(a.Id, step, now, ct);
            Open(a, CoverageSteps.Cover, now);
            await db.SaveChangesAsync(ct);
            await notices.ReturnedAsync(a, activity, actor, now, ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Starts the press release from the report: a draft owned by the assignee, in the assignment's seksi, with the text
    /// and the chosen photos, linked to the assignment. All or nothing.
    /// </summary>
    public async Task<Outcome<Guid>> CreatePressReleaseAsync(Guid id, PressReleaseInput input, Actor actor, CancellationToken cancellationToken)
    {
        var photoIds = (input.PhotoIds ?? []).Distinct().ToList();
        var now = clock.GetUtcNow();
        try
        {
            return await database.InTransactionAsync(async ct =>
            {
                var (assignment, refusal) = await LoadAsync(id, actor, ct);
                if (refusal is not null)
                {
                    return Outcome<Guid>.From(refusal);
                }

                if (!assignment!.IsMember(actor.UserId))
                {
                    return Outcome<Guid>.From(Outcome.Forbidden("Hanya staf yang ditugaskan yang dapat membuat siaran pers dari laporan ini."));
                }

                if (assignment.ReportedAt is null || assignment.ReportText is null)
                {
                    return Outcome<Guid>.From(Outcome.Conflict("Sampaikan laporan liputan dahulu: siaran pers dibuat dari laporan."));
                }

                if (assignment.PressReleaseId is { } existing)
                {
                    return Outcome<Guid>.From(Outcome.Conflict($"Siaran pers dari penugasan ini sudah dibuat ({existing})."));
                }

                var unknown = photoIds.Where(p => assignment.Photos.All(f => f.Id != p)).ToList();
                if (unknown.Count > 0)
                {
                    return Outcome<Guid>.From(Outcome.Invalid("photoIds", $"Foto {unknown[0]} bukan foto laporan penugasan ini."));
                }

                var activity = await schedule.FindAsync(assignment.ActivityId, ct);
                var created = await content.CreatePressReleaseAsync(
                    new PressReleaseDraft(
                        CoverageNotices.Title(activity),
                        Lead(assignment.ReportText),
                        assignment.ReportText,
                        string.IsNullOrWhiteSpace(input.Category) ? "umum" : input.Category.Trim(),
                        assignment.SectionId,
                        activity is null ? null : DateOnly.FromDateTime(Abstractions.Text.IndonesianTime.ToWib(activity.Start).DateTime),
                        activity?.Place is { Length: <= 200 } place ? place : null,
                        assignment.VideoUrl),
                    actor,
                    ct);
                if (!created.Succeeded)
                {
                    return created;
                }

                var photographer = assignment.Members.FirstOrDefault(m => m.Role == AssignmentMember.Photographer)?.DisplayName;
                foreach (var photo in assignment.Photos.Where(p => photoIds.Contains(p.Id)).OrderBy(p => p.UploadedAt).ThenBy(p => p.Id))
                {
                    var bytes = await store.ReadAsync(photo.StoragePath, ct);
                    if (bytes is null)
                    {
                        throw new InvalidOperationException($"The report photo {photo.Id} is missing from the coverage folder.");
                    }

                    var added = await mediaIntake.AddAsync(created.Value, bytes, photo.OriginalName, CoverageNotices.Title(activity), photographer, actor, ct);
                    if (!added.Succeeded)
                    {
                        throw new CoverageRefusedException(added);
                    }
                }

                assignment.PressReleaseId = created.Value;
                assignment.PressReleaseCreatedAt = now;
                await db.SaveChangesAsync(ct);
                return created;
            }, cancellationToken);
        }
        catch (CoverageRefusedException refused)
        {
            // The transaction rolled back (no item, no link); files the Media module wrote are orphans it may sweep.
            return Outcome<Guid>.From(refused.Outcome);
        }
    }

    /// <summary>The first paragraph of the report, as the press release's lead (at most 1000 characters).</summary>
    public static string Lead(string text)
    {
        var first = text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
        first = first.ReplaceLineEndings(" ").Trim();
        return first.Length <= 1000 ? first : first[..999] + "…";
    }

    private async Task<Outcome> DecideAsync(
        Guid id, NoteInput input, Actor actor, string from, string? kasiRole, Func<Assignment, ScheduledActivity?, DateTimeOffset, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
    {
        if (input.Note?.Trim().Length > MaxNote)
        {
            return Outcome.Invalid("note", $"Catatan paling panjang {MaxNote} karakter.");
        }

        var now = clock.GetUtcNow();
        return await database.InTransactionAsync<Outcome>(async ct =>
        {
            var (assignment, refusal) = await LoadAsync(id, actor, ct);
            if (refusal is not null)
            {
                return refusal;
            }

            // The Kasi of the seksi checks; the post that dispositioned approves (its holder or whoever acts for him).
            var role = kasiRole ?? assignment!.DispositionRole;
            var post = await organization.AuthorizeStepAsync(actor, role, assignment!.SectionId, now, ct);
            if (!post.Succeeded)
            {
                return Outcome.Forbidden(kasiRole is not null
                    ? $"Hanya Kasi seksi yang ditugaskan yang memeriksa laporan ini. {post.Message}".Trim()
                    : $"Hanya {NewsroomRoles.Title(role)} yang mendisposisikan yang mengesahkan laporan ini. {post.Message}".Trim());
            }

            if (assignment.Status != from)
            {
                return Outcome.Conflict($"Tidak dapat dilakukan: status penugasan sekarang \"{AssignmentStatuses.Label(assignment.Status)}\".");
            }

            await apply(assignment, await schedule.FindAsync(assignment.ActivityId, ct), now, ct);
            return Outcome.Ok();
        }, cancellationToken);
    }

    private async Task<(Assignment? Assignment, Outcome? Refusal)> LoadAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.Include(a => a.Members).Include(a => a.Photos).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assignment is null || !MaySee(actor, assignment)
            ? (null, Outcome.NotFound("Penugasan liputan tidak ditemukan."))
            : (assignment, null);
    }

    private async Task<DirectoryUser?> ActiveStaffAsync(string userId, CancellationToken cancellationToken)
        => await users.GetAsync(userId, cancellationToken) is { } user && user.Roles is { Count: > 0 } ? user : null;

    private void Open(Assignment assignment, string step, DateTimeOffset at)
        => db.Steps.Add(new AssignmentStep { AssignmentId = assignment.Id, Step = step, SectionId = assignment.SectionId, Start = at });

    private async Task CloseAsync(Guid assignmentId, string step, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var open in await db.Steps.Where(s => s.AssignmentId == assignmentId && s.Step == step && s.End == null).ToListAsync(cancellationToken))
        {
            open.End = at;
        }
    }

    private static void NoteError(Dictionary<string, string[]> errors, string field, string? note)
    {
        if (note?.Trim().Length > MaxNote)
        {
            errors[field] = [$"Catatan paling panjang {MaxNote} karakter."];
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Echo(string? value) => value is null ? "" : value.Length > 60 ? value[..60] + "…" : value;
}
