using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Settings;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>
/// An item's way through the approval chain. It guards its own rules: only the owner submits, only the
/// role of the current step approves or returns, no step is skipped, and a change after an approval
/// voids the approvals.
/// </summary>
internal sealed class Workflow
{
    public Guid ItemId { get; set; }

    public string ContentType { get; set; } = "";

    public string OwnerId { get; set; } = "";

    /// <summary>The chain the item started with, comma separated (it keeps it even if the defaults change).</summary>
    public string Chain { get; set; } = "";

    public string Status { get; set; } = WorkflowStatuses.Draft;

    /// <summary>Index in <see cref="Chain"/> of the role whose turn it is; -1 when no approver is awaited.</summary>
    public int StepIndex { get; set; } = -1;

    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The hash of the last history entry: the head of the hash chain (see <see cref="HistoryChain"/>).</summary>
    public string? HeadHash { get; set; }

    /// <summary>Who writes the current round: the owner, or whoever started a correction.</summary>
    public string WriterId { get; set; } = "";

    /// <summary>0 for the first publication; each correction (ralat) of a published item is a further round.</summary>
    public int Round { get; set; }

    /// <summary>Why the current correction round was started; shown with the corrected article.</summary>
    public string? CorrectionNote { get; set; }

    public bool IsCorrection => Round > 0;

    /// <summary>When the item is to go live; null means as soon as it is signed.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    public List<HistoryEntry> History { get; set; } = [];

    public IReadOnlyList<string> ChainRoles => Chain.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string? AwaitingRole => StepIndex >= 0 && StepIndex < ChainRoles.Count ? ChainRoles[StepIndex] : null;

    public bool InReview => AwaitingRole is not null;

    public static Workflow Start(
        Guid itemId, string contentType, IReadOnlyList<string> chain, string ownerId, string ownerName, string contentHash, DateTimeOffset at)
    {
        var workflow = new Workflow
        {
            ItemId = itemId,
            ContentType = contentType,
            OwnerId = ownerId,
            WriterId = ownerId,
            Chain = string.Join(',', chain),
            UpdatedAt = at,
        };
        workflow.Record("reporter", HistoryActions.Created, ownerId, ownerName, NewsroomRoles.Reporter, at, null, contentHash, null);
        return workflow;
    }

    /// <summary>An adventorial the Kadis ordered: it waits for the Kabid to assign a Kasi as its PPTK.</summary>
    public static Workflow StartOrder(
        Guid itemId, string contentType, IReadOnlyList<string> chain, string ownerId, string ownerName, string note, string contentHash, DateTimeOffset at)
    {
        var workflow = new Workflow
        {
            ItemId = itemId,
            ContentType = contentType,
            OwnerId = ownerId,
            WriterId = ownerId,
            Chain = string.Join(',', chain),
            Status = WorkflowStatuses.Ordered,
            UpdatedAt = at,
        };
        workflow.Record(Settings.Steps.Assign, HistoryActions.Ordered, ownerId, ownerName, NewsroomRoles.Kadis, at, note, contentHash, null);
        return workflow;
    }

    /// <summary>The Kabid assigns the ordered adventorial to a Kasi, who becomes its PPTK and prepares the file.</summary>
    public Outcome Assign(Actor actor, string kasiId, string kasiName, string? note, DateTimeOffset at)
    {
        if (Status != WorkflowStatuses.Ordered)
        {
            return Outcome.Conflict($"Hanya adventorial yang dipesan dan belum ditugaskan yang dapat ditugaskan; naskah ini berstatus '{WorkflowStatuses.Label(Status)}'.");
        }

        if (!actor.IsInRole(NewsroomRoles.Kabid))
        {
            return Outcome.Forbidden("Penugasan PPTK dilakukan oleh Kepala Bidang.");
        }

        WriterId = kasiId;
        Status = WorkflowStatuses.Draft;
        var text = string.IsNullOrWhiteSpace(note) ? $"Ditugaskan kepada {kasiName} sebagai PPTK." : $"Ditugaskan kepada {kasiName} sebagai PPTK. {note.Trim()}";
        Record(Settings.Steps.Assign, HistoryActions.Assigned, actor, NewsroomRoles.Kabid, at, text, null, null);
        return Outcome.Ok();
    }

    /// <summary>The Kadis at any time before the item is live; the operator or an admin once it is signed.</summary>
    public static bool MaySchedule(Actor actor, string status)
        => status is not (WorkflowStatuses.Published or WorkflowStatuses.Archived)
           && (actor.IsInRole(NewsroomRoles.Kadis)
               || (status == WorkflowStatuses.Signed && (actor.IsInRole(NewsroomRoles.Operator) || actor.IsInRole(NewsroomRoles.Admin))));

    /// <summary>A published item may be corrected by its writer or by an approver.</summary>
    public static bool MayCorrect(Actor actor, string ownerId)
        => actor.UserId == ownerId || SopDefaults.ApproverRoles.Any(actor.IsInRole);

    public Outcome Submit(Actor actor, string contentHash, Guid versionId, DateTimeOffset at)
    {
        if (actor.UserId != WriterId)
        {
            return Outcome.Forbidden(IsCorrection ? "Hanya penyusun ralat yang dapat mengajukannya." : "Hanya penulis naskah yang dapat mengajukannya.");
        }

        if (Status is not (WorkflowStatuses.Draft or WorkflowStatuses.Returned))
        {
            return Outcome.Conflict($"Naskah berstatus '{WorkflowStatuses.Label(Status)}' dan tidak dapat diajukan lagi.");
        }

        MoveTo(0);
        Record("reporter", HistoryActions.Submitted, actor, NewsroomRoles.Reporter, at, null, contentHash, versionId);
        return Outcome.Ok();
    }

    public Outcome Approve(Actor actor, string contentHash, Guid versionId, string? note, string? expectedHash, DateTimeOffset at)
    {
        var refusal = CheckApprover(actor, "menyetujui");
        if (refusal is not null)
        {
            return refusal;
        }

        if (expectedHash is not null && expectedHash != contentHash)
        {
            return Outcome.Conflict("Naskah telah berubah sejak Anda membukanya. Muat ulang dan periksa perubahannya sebelum menyetujui.");
        }

        var role = AwaitingRole!;
        var isLast = StepIndex == ChainRoles.Count - 1;
        if (isLast)
        {
            StepIndex = -1;
            Status = WorkflowStatuses.Signed;
        }
        else
        {
            MoveTo(StepIndex + 1);
        }

        Record(role, isLast ? HistoryActions.Signed : HistoryActions.Approved, actor, role, at, Trim(note), contentHash, versionId);
        return Outcome.Ok();
    }

    public Outcome Return(Actor actor, string contentHash, Guid versionId, string? note, DateTimeOffset at)
        => EndReview(actor, "mengembalikan", WorkflowStatuses.Returned, HistoryActions.Returned, note,
            "Catatan wajib diisi saat mengembalikan naskah, agar penulis tahu apa yang harus diperbaiki.", contentHash, versionId, at);

    /// <summary>
    /// The Kasi's selection of clippings: one not worth archiving is set aside with the reason, and its way ends there
    /// (SOP: "approved and rejected are separated"). Only clippings; other copy is returned, not rejected.
    /// </summary>
    public Outcome Reject(Actor actor, string contentHash, Guid versionId, string? note, DateTimeOffset at)
    {
        if (ContentType != Abstractions.Content.ContentTypes.Clipping)
        {
            return Outcome.Conflict("Hanya kliping yang dapat tidak dipilih; naskah lain dikembalikan ke penulisnya dengan catatan.");
        }

        return EndReview(actor, "menolak", WorkflowStatuses.Rejected, HistoryActions.Rejected, note,
            "Alasan kliping tidak dipilih wajib diisi.", contentHash, versionId, at);
    }

    /// <summary>The approver whose turn it is takes the item out of review (returned or set aside), always with a note.</summary>
    private Outcome EndReview(
        Actor actor, string verb, string status, string action, string? note, string noteRequired, string contentHash, Guid versionId, DateTimeOffset at)
    {
        var refusal = CheckApprover(actor, verb);
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Invalid("note", noteRequired);
        }

        var role = AwaitingRole!;
        StepIndex = -1;
        Status = status;
        Record(role, action, actor, role, at, Trim(note), contentHash, versionId);
        return Outcome.Ok();
    }

    public Outcome CanEdit(Actor actor)
    {
        if (Status == WorkflowStatuses.Rejected)
        {
            return Outcome.Conflict("Kliping ini tidak dipilih; ia tidak diubah lagi.");
        }

        if (Status == WorkflowStatuses.Ordered)
        {
            return Outcome.Conflict("Adventorial ini menunggu Kepala Bidang menugaskan PPTK; PPTK-lah yang menyusun berkasnya.");
        }

        if (Status is WorkflowStatuses.Draft or WorkflowStatuses.Returned)
        {
            return actor.UserId == WriterId
                ? Outcome.Ok()
                : Outcome.Forbidden("Naskah yang belum diajukan hanya dapat diubah oleh penulisnya.");
        }

        if (InReview)
        {
            return actor.IsInRole(AwaitingRole!)
                ? Outcome.Ok()
                : Outcome.Forbidden($"Naskah sedang menunggu {NewsroomRoles.Title(AwaitingRole!)}; hanya {NewsroomRoles.Title(AwaitingRole!)} yang dapat menyuntingnya sekarang.");
        }

        return Status is WorkflowStatuses.Published or WorkflowStatuses.Archived
            ? Outcome.Conflict("Naskah sudah terbit. Untuk mengubahnya, mulai ralat dengan alasannya; ralat melewati alur persetujuan lagi.")
            : Outcome.Conflict("Naskah sudah ditandatangani dan tidak dapat diubah lagi.");
    }

    /// <summary>
    /// Starts a correction (ralat) of a published item: a new round on the correction chain, written by the one who
    /// starts it (the writer or an approver), with the reason that will be shown with the corrected article.
    /// </summary>
    public Outcome StartCorrection(Actor actor, IReadOnlyList<string> chain, string? note, DateTimeOffset at)
    {
        if (Status is not (WorkflowStatuses.Published or WorkflowStatuses.Archived))
        {
            return Outcome.Conflict($"Hanya naskah yang sudah terbit yang dapat diralat; naskah ini berstatus '{WorkflowStatuses.Label(Status)}'.");
        }

        if (!MayCorrect(actor, OwnerId))
        {
            return Outcome.Forbidden("Ralat hanya dapat dimulai oleh penulis naskah, Kasi, Kabid, atau Kadis.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Invalid("note", "Alasan ralat wajib diisi; alasan ini ditampilkan bersama berita yang diralat.");
        }

        if (note.Trim().Length > 1000)
        {
            return Outcome.Invalid("note", "Alasan ralat paling panjang 1000 karakter.");
        }

        Round++;
        Chain = string.Join(',', chain);
        StepIndex = -1;
        Status = WorkflowStatuses.Draft;
        WriterId = actor.UserId;
        CorrectionNote = note.Trim();
        PublishAt = null;
        Record("reporter", HistoryActions.CorrectionStarted, actor, actor.Roles.FirstOrDefault(), at, CorrectionNote, null, null);
        return Outcome.Ok();
    }

    /// <summary>The content changed: while in review the change is logged, and approvals already given no longer hold.</summary>
    public void ContentChanged(string actorId, string actorName, IReadOnlyCollection<string> actorRoles, string contentHash, Guid versionId, DateTimeOffset at)
    {
        if (!InReview)
        {
            return;
        }

        var role = actorRoles.FirstOrDefault(r => r == AwaitingRole) ?? actorRoles.FirstOrDefault();
        Record(AwaitingRole!, HistoryActions.Edited, actorId, actorName, role, at, null, contentHash, versionId);
        if (StepIndex > 0)
        {
            MoveTo(0);
            Record(AwaitingRole!, HistoryActions.ApprovalsInvalidated, actorId, actorName, role, at,
                $"Naskah berubah setelah diparaf; persetujuan sebelumnya batal dan naskah kembali ke {NewsroomRoles.Title(AwaitingRole!)}.", contentHash, versionId);
        }
    }

    public bool MarkPublished(string? url, DateTimeOffset at)
    {
        if (Status != WorkflowStatuses.Signed)
        {
            return false;
        }

        Status = WorkflowStatuses.Published;
        Record("publish", HistoryActions.Published, Actor.System, NewsroomRoles.Operator, at, url, null, null);
        return true;
    }

    public bool MarkArchived(string number, string classification, DateTimeOffset at)
    {
        // Clippings are archived straight from the signature; everything else once published.
        if (Status is not (WorkflowStatuses.Published or WorkflowStatuses.Signed))
        {
            return false;
        }

        Status = WorkflowStatuses.Archived;
        Record("archive", HistoryActions.Archived, Actor.System, NewsroomRoles.Archivist, at, $"Nomor arsip {number}, klasifikasi {classification}", null, null);
        return true;
    }

    /// <summary>
    /// Sets (or clears) the publication time: the Kadis at any time before the item is live, the operator or an admin
    /// once it is signed. A time in the past is refused: publishing "now" is a clear (null) time.
    /// </summary>
    public Outcome Schedule(Actor actor, DateTimeOffset? publishAt, DateTimeOffset now)
    {
        if (Status is WorkflowStatuses.Published or WorkflowStatuses.Archived)
        {
            return Outcome.Conflict("Naskah sudah terbit; waktu terbitnya tidak dapat diubah lagi.");
        }

        if (!MaySchedule(actor, Status))
        {
            return Outcome.Forbidden(Status == WorkflowStatuses.Signed
                ? "Hanya Kepala Dinas, operator website, atau admin yang dapat mengatur waktu terbit."
                : "Sebelum ditandatangani, hanya Kepala Dinas yang dapat mengatur waktu terbit.");
        }

        if (publishAt is { } time && time <= now)
        {
            return Outcome.Invalid("publishAt", "Waktu terbit harus di masa depan. Kosongkan untuk menerbitkan segera setelah ditandatangani.");
        }

        if (publishAt is { } far && far > now.AddYears(1))
        {
            return Outcome.Invalid("publishAt", "Waktu terbit paling lambat satu tahun dari sekarang.");
        }

        PublishAt = publishAt is null ? null : HistoryChain.Normalize(publishAt.Value);
        Record("publish", HistoryActions.Scheduled, actor, actor.Roles.FirstOrDefault(r => r is NewsroomRoles.Kadis or NewsroomRoles.Operator or NewsroomRoles.Admin),
            now, PublishAt is null ? "Terbit segera setelah ditandatangani." : $"Dijadwalkan terbit {Abstractions.Text.IndonesianTime.Short(PublishAt.Value)}.", null, null,
            PublishAt);
        return Outcome.Ok();
    }

    private Outcome? CheckApprover(Actor actor, string verb)
    {
        if (!InReview)
        {
            return Outcome.Conflict($"Naskah berstatus '{WorkflowStatuses.Label(Status)}'; tidak ada yang dapat {verb} sekarang.");
        }

        if (actor.IsInRole(AwaitingRole!))
        {
            return null;
        }

        var passed = ChainRoles.Take(StepIndex).Any(actor.IsInRole);
        return passed
            ? Outcome.Conflict($"Langkah Anda sudah selesai; naskah kini menunggu {NewsroomRoles.Title(AwaitingRole!)}.")
            : Outcome.Forbidden($"Langkah ini menunggu {NewsroomRoles.Title(AwaitingRole!)}; peran Anda tidak dapat {verb} naskah ini sekarang.");
    }

    private void MoveTo(int stepIndex)
    {
        StepIndex = stepIndex;
        Status = stepIndex == 0 ? WorkflowStatuses.Submitted : $"{ChainRoles[stepIndex - 1]}_approved";
    }

    private static string? Trim(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private void Record(
        string step, string action, Actor actor, string? role, DateTimeOffset at, string? note, string? hash, Guid? versionId, DateTimeOffset? publishAt = null)
        => Record(step, action, actor.UserId, actor.DisplayName, role, at, note, hash, versionId, publishAt);

    private void Record(
        string step, string action, string actorId, string actorName, string? role, DateTimeOffset at, string? note, string? hash, Guid? versionId,
        DateTimeOffset? publishAt = null)
    {
        UpdatedAt = at;
        Revision++;
        var entry = new HistoryEntry
        {
            ItemId = ItemId,
            Sequence = History.Count == 0 ? 1 : History.Max(h => h.Sequence) + 1,
            Step = step,
            Action = action,
            ActorId = actorId,
            ActorName = actorName,
            Role = role,
            At = HistoryChain.Normalize(at),
            Note = note,
            ContentHash = hash,
            VersionId = versionId,
            PublishAt = publishAt,
            PreviousHash = HeadHash,
        };
        entry.EntryHash = HistoryChain.Compute(entry);
        HeadHash = entry.EntryHash;
        History.Add(entry);
    }
}
