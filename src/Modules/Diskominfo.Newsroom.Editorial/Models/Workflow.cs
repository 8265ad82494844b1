using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Settings;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>
/// An item's way through the approval chain. It guards its own rules: only the owner submits, only the
/// post of the current step (the holder covering the item's seksi, or his Plh/Plt) approves or returns, nobody
/// approves what they wrote, one person takes one step of an approval round, no step is skipped, and a change
/// after an approval voids the approvals.
/// </summary>
internal sealed class Workflow
{
    public Guid ItemId { get; set; }

    public string ContentType { get; set; } = "";

    public string OwnerId { get; set; } = "";

    /// <summary>The seksi the item belongs to; its steps go to the posts covering it. Null for items made before the office's structure.</summary>
    public Guid? SectionId { get; set; }

    /// <summary>An adventorial the Kadis ordered: its owner ordered it, the PPTK (the writer) wrote it.</summary>
    public bool IsOrder { get; set; }

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

    /// <summary>
    /// The embargo: nothing publishes before this instant, on any channel, whatever <see cref="PublishAt"/> says. Kept
    /// through the signature; only the Kadis lifts it or brings it earlier.
    /// </summary>
    public DateTimeOffset? EmbargoUntil { get; set; }

    /// <summary>When the publications may go: the later of the publication time and the embargo, if still ahead; null is at once.</summary>
    public DateTimeOffset? ReleaseAt(DateTimeOffset now)
    {
        var later = PublishAt is { } publishAt && EmbargoUntil is { } embargo ? (publishAt > embargo ? publishAt : embargo) : PublishAt ?? EmbargoUntil;
        return later > now ? later : null;
    }

    /// <summary>
    /// Sets, moves or lifts (<paramref name="notBefore"/> null) the embargo. Its writer or an approver sets it or moves it
    /// later while the item is in the chain; only the Kadis (or whoever acts for him: <paramref name="actsAsKadis"/>) lifts
    /// it or brings it earlier, also after the signature. Nothing changes once the item is live.
    /// </summary>
    public Outcome SetEmbargo(Actor actor, bool actsAsKadis, DateTimeOffset? notBefore, DateTimeOffset now)
    {
        if (notBefore is null && !actsAsKadis)
        {
            return Outcome.Forbidden("Hanya Kepala Dinas yang dapat mencabut embargo.");
        }

        if (ContentType == Abstractions.Content.ContentTypes.Clipping)
        {
            return Outcome.Conflict("Kliping tidak diterbitkan, jadi tidak memerlukan embargo.");
        }

        if (Status is WorkflowStatuses.Published or WorkflowStatuses.Archived or WorkflowStatuses.Rejected)
        {
            return Outcome.Conflict("Naskah sudah terbit; embargonya tidak dapat diubah lagi.");
        }

        if (notBefore is { } time && time <= now)
        {
            return Outcome.Invalid("notBefore", "Waktu embargo harus di masa depan. Untuk mencabut embargo, hapus embargonya.");
        }

        if (notBefore is { } far && far > now.AddYears(1))
        {
            return Outcome.Invalid("notBefore", "Embargo paling lama satu tahun dari sekarang.");
        }

        var lifts = EmbargoUntil is { } current && (notBefore is null || notBefore < current);
        if (lifts && !actsAsKadis)
        {
            return Outcome.Forbidden(notBefore is null
                ? "Hanya Kepala Dinas yang dapat mencabut embargo."
                : "Hanya Kepala Dinas yang dapat memajukan waktu embargo; Anda hanya dapat memundurkannya.");
        }

        if (!lifts && !actsAsKadis)
        {
            if (Status == WorkflowStatuses.Signed)
            {
                return Outcome.Forbidden("Naskah sudah ditandatangani; sejak itu hanya Kepala Dinas yang dapat mengubah embargonya.");
            }

            if (!IsWriter(actor.UserId) && !SopDefaults.ApproverRoles.Any(actor.IsInRole))
            {
                return Outcome.Forbidden("Embargo diatur oleh penulis naskah atau penyetuju dalam alurnya (Kasi, Kabid, Kadis).");
            }
        }

        if (!lifts && Status == WorkflowStatuses.Signed && notBefore is not null)
        {
            return Outcome.Conflict("Naskah sudah ditandatangani; embargo hanya dapat dicabut atau dimajukan, tidak dimundurkan.");
        }

        EmbargoUntil = notBefore is null ? null : HistoryChain.Normalize(notBefore.Value);
        UpdatedAt = now;
        Revision++;
        return Outcome.Ok();
    }

    public List<HistoryEntry> History { get; set; } = [];

    public IReadOnlyList<string> ChainRoles => Chain.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public string? AwaitingRole => StepIndex >= 0 && StepIndex < ChainRoles.Count ? ChainRoles[StepIndex] : null;

    public bool InReview => AwaitingRole is not null;

    /// <summary>The awaited step is the last: its approval is the signature.</summary>
    public bool IsLastStep => InReview && StepIndex == ChainRoles.Count - 1;

    public static Workflow Start(
        Guid itemId, string contentType, IReadOnlyList<string> chain, string ownerId, string ownerName, string contentHash, DateTimeOffset at,
        Guid? sectionId = null)
    {
        var workflow = new Workflow
        {
            ItemId = itemId,
            ContentType = contentType,
            OwnerId = ownerId,
            SectionId = sectionId,
            WriterId = ownerId,
            Chain = string.Join(',', chain),
            UpdatedAt = at,
        };
        workflow.Record("reporter", HistoryActions.Created, ownerId, ownerName, NewsroomRoles.Reporter, at, null, contentHash, null);
        return workflow;
    }

    /// <summary>An adventorial the Kadis ordered: it waits for the Kabid to assign a Kasi as its PPTK.</summary>
    public static Workflow StartOrder(
        Guid itemId, string contentType, IReadOnlyList<string> chain, string ownerId, string ownerName, string note, string contentHash, DateTimeOffset at,
        Guid? sectionId = null)
    {
        var workflow = new Workflow
        {
            ItemId = itemId,
            ContentType = contentType,
            OwnerId = ownerId,
            SectionId = sectionId,
            IsOrder = true,
            WriterId = ownerId,
            Chain = string.Join(',', chain),
            Status = WorkflowStatuses.Ordered,
            UpdatedAt = at,
        };
        workflow.Record(Settings.Steps.Assign, HistoryActions.Ordered, ownerId, ownerName, NewsroomRoles.Kadis, at, note, contentHash, null);
        return workflow;
    }

    /// <summary>
    /// The Kabid (of the item's bidang, or his Plh/Plt: <paramref name="authority"/>) assigns the ordered adventorial to a
    /// Kasi, who becomes its PPTK and prepares the file; the item then belongs to the PPTK's seksi if it had none.
    /// </summary>
    public Outcome Assign(Actor actor, Outcome<ActingPosition> authority, string kasiId, string kasiName, Guid? kasiSectionId, string? note, DateTimeOffset at)
    {
        if (Status != WorkflowStatuses.Ordered)
        {
            return Outcome.Conflict($"Hanya adventorial yang dipesan dan belum ditugaskan yang dapat ditugaskan; naskah ini berstatus '{WorkflowStatuses.Label(Status)}'.");
        }

        if (!authority.Succeeded)
        {
            return Outcome.Forbidden(authority.Message ?? "Penugasan PPTK dilakukan oleh Kepala Bidang.");
        }

        WriterId = kasiId;
        SectionId ??= kasiSectionId;
        Status = WorkflowStatuses.Draft;
        var text = string.IsNullOrWhiteSpace(note) ? $"Ditugaskan kepada {kasiName} sebagai PPTK." : $"Ditugaskan kepada {kasiName} sebagai PPTK. {Trim(note)}";
        Record(Settings.Steps.Assign, HistoryActions.Assigned, actor, NewsroomRoles.Kabid, at, text, null, null, position: authority.Value);
        return Outcome.Ok();
    }

    /// <summary>
    /// The Kadis (or whoever acts for him: <paramref name="actsAsKadis"/>) at any time before the item is live; the operator
    /// or an admin once it is signed.
    /// </summary>
    public static bool MaySchedule(Actor actor, string status, bool actsAsKadis)
        => status is not (WorkflowStatuses.Published or WorkflowStatuses.Archived)
           && (actsAsKadis
               || (status == WorkflowStatuses.Signed && (actor.IsInRole(NewsroomRoles.Operator) || actor.IsInRole(NewsroomRoles.Admin))));

    /// <summary>Whether the person wrote the item (its writer, or its owner unless the owner only ordered it).</summary>
    public bool IsWriter(string userId) => userId == WriterId || (userId == OwnerId && !IsOrder);

    /// <summary>
    /// Those who already took a step of the current approval round (since the last submission or the last voided
    /// approvals): each may take no further step of it.
    /// </summary>
    public IReadOnlySet<string> StepTakers()
    {
        var start = History.Where(h => h.Action is HistoryActions.Submitted or HistoryActions.ApprovalsInvalidated).Select(h => h.Sequence).DefaultIfEmpty(0).Max();
        var taken = new List<(int Step, string ActorId)>();
        foreach (var entry in History.Where(h => h.Sequence > start).OrderBy(h => h.Sequence))
        {
            if (entry.Action == HistoryActions.Approved)
            {
                taken.Add((IndexOf(entry.Step), entry.ActorId));
            }
            else if (entry.Action == HistoryActions.ReturnedToStep)
            {
                // Returned to the step before: the approvals from that step on no longer hold, and their takers may act again.
                var back = IndexOf(entry.Step) - 1;
                taken.RemoveAll(t => t.Step >= back);
            }
        }

        return taken.Select(t => t.ActorId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Who last took the step at <paramref name="stepIndex"/> in the current round (the one a return to that step goes to); null when nobody.</summary>
    public string? ApproverOf(int stepIndex)
    {
        if (stepIndex < 0 || stepIndex >= ChainRoles.Count)
        {
            return null;
        }

        var start = History.Where(h => h.Action is HistoryActions.Submitted or HistoryActions.ApprovalsInvalidated).Select(h => h.Sequence).DefaultIfEmpty(0).Max();
        return History.Where(h => h.Sequence > start && h.Action == HistoryActions.Approved && h.Step == ChainRoles[stepIndex])
            .MaxBy(h => h.Sequence)?.ActorId;
    }

    /// <summary>
    /// The role a return by the awaited approver goes to: the step before his when <paramref name="toPreviousStep"/> (the
    /// SOPs' way) and there is one; null for the writer.
    /// </summary>
    public string? ReturnsToRole(bool toPreviousStep) => toPreviousStep && StepIndex > 0 ? ChainRoles[StepIndex - 1] : null;

    private int IndexOf(string role)
    {
        var roles = ChainRoles;
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] == role)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Who may not take the step the item waits for: its writers and those who took a step of this round.</summary>
    public IReadOnlyCollection<string> ExcludedFromStep()
        => [.. StepTakers().Append(WriterId).Concat(IsOrder ? [] : [OwnerId]).Distinct(StringComparer.Ordinal)];

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

    public Outcome Approve(
        Actor actor, Outcome<ActingPosition>? authority, string contentHash, Guid versionId, string? note, string? expectedHash, DateTimeOffset at)
    {
        var refusal = CheckApprover(actor, authority, "menyetujui");
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

        Record(role, isLast ? HistoryActions.Signed : HistoryActions.Approved, actor, role, at, Trim(note), contentHash, versionId, position: authority!.Value);
        return Outcome.Ok();
    }

    /// <summary>
    /// The awaited approver returns the item with a note. With <paramref name="toPreviousStep"/> (the SOPs' way) it goes to
    /// the step before his (Kabid to the Kasi, Kadis to the Kabid), whose approval no longer holds: that approver may fix
    /// it and pass it on again, or return it further down; only the first approver returns it to the writer. Without it,
    /// every return goes to the writer and the round ends.
    /// </summary>
    public Outcome Return(
        Actor actor, Outcome<ActingPosition>? authority, string contentHash, Guid versionId, string? note, DateTimeOffset at, bool toPreviousStep = false)
    {
        if (ReturnsToRole(toPreviousStep) is null)
        {
            return EndReview(actor, authority, "mengembalikan", WorkflowStatuses.Returned, HistoryActions.Returned, note,
                "Catatan wajib diisi saat mengembalikan naskah, agar penulis tahu apa yang harus diperbaiki.", contentHash, versionId, at);
        }

        var refusal = CheckApprover(actor, authority, "mengembalikan");
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Invalid("note", "Catatan wajib diisi saat mengembalikan naskah, agar penyetuju sebelumnya tahu apa yang harus diperbaiki.");
        }

        var role = AwaitingRole!;
        MoveTo(StepIndex - 1);
        Record(role, HistoryActions.ReturnedToStep, actor, role, at, Trim(note), contentHash, versionId, position: authority!.Value);
        return Outcome.Ok();
    }

    /// <summary>
    /// The Kasi's selection of clippings: one not worth archiving is set aside with the reason, and its way ends there
    /// (SOP: "approved and rejected are separated"). Only clippings; other copy is returned, not rejected.
    /// </summary>
    public Outcome Reject(Actor actor, Outcome<ActingPosition>? authority, string contentHash, Guid versionId, string? note, DateTimeOffset at)
    {
        if (ContentType != Abstractions.Content.ContentTypes.Clipping)
        {
            return Outcome.Conflict("Hanya kliping yang dapat tidak dipilih; naskah lain dikembalikan ke penulisnya dengan catatan.");
        }

        return EndReview(actor, authority, "menolak", WorkflowStatuses.Rejected, HistoryActions.Rejected, note,
            "Alasan kliping tidak dipilih wajib diisi.", contentHash, versionId, at);
    }

    /// <summary>The approver whose turn it is takes the item out of review (returned or set aside), always with a note.</summary>
    private Outcome EndReview(
        Actor actor, Outcome<ActingPosition>? authority, string verb, string status, string action, string? note, string noteRequired, string contentHash,
        Guid versionId, DateTimeOffset at)
    {
        var refusal = CheckApprover(actor, authority, verb);
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
        Record(role, action, actor, role, at, Trim(note), contentHash, versionId, position: authority!.Value);
        return Outcome.Ok();
    }

    /// <summary>
    /// Who may change the copy now: its writer before it is submitted or when it came back; while in review, whoever may
    /// take the awaited step (<paramref name="authority"/>, resolved for the actor); nobody once signed.
    /// </summary>
    public Outcome CanEdit(Actor actor, Outcome<ActingPosition>? authority = null)
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
            return CheckApprover(actor, authority, "menyunting") is null
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
        CorrectionNote = Trim(note) ?? note.Trim();
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
    public Outcome Schedule(Actor actor, ActingPosition? asKadis, DateTimeOffset? publishAt, DateTimeOffset now)
    {
        if (Status is WorkflowStatuses.Published or WorkflowStatuses.Archived)
        {
            return Outcome.Conflict("Naskah sudah terbit; waktu terbitnya tidak dapat diubah lagi.");
        }

        if (!MaySchedule(actor, Status, asKadis is not null))
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
        var role = asKadis is not null ? NewsroomRoles.Kadis : actor.Roles.FirstOrDefault(r => r is NewsroomRoles.Operator or NewsroomRoles.Admin);
        Record("publish", HistoryActions.Scheduled, actor, role,
            now, PublishAt is null ? "Terbit segera setelah ditandatangani." : $"Dijadwalkan terbit {Abstractions.Text.IndonesianTime.Short(PublishAt.Value)}.", null, null,
            PublishAt, asKadis);
        return Outcome.Ok();
    }

    /// <summary>Null when the actor may approve or return now; else why not (the same refusal those actions give).</summary>
    public Outcome? MayDecide(Actor actor, Outcome<ActingPosition>? authority) => CheckApprover(actor, authority, "menyetujui");

    /// <summary>
    /// Whether the actor may take the awaited step: the item is in review; he did not write it; he took no other step of
    /// this round; and he holds the post covering the item's seksi, or acts for its holder (<paramref name="authority"/>,
    /// resolved by the office's structure; null when not resolved, which refuses).
    /// </summary>
    private Outcome? CheckApprover(Actor actor, Outcome<ActingPosition>? authority, string verb)
    {
        if (!InReview)
        {
            return Outcome.Conflict($"Naskah berstatus '{WorkflowStatuses.Label(Status)}'; tidak ada yang dapat {verb} sekarang.");
        }

        var awaited = NewsroomRoles.Title(AwaitingRole!);
        if (IsWriter(actor.UserId) && (authority?.Succeeded == true || actor.IsInRole(AwaitingRole!)))
        {
            return Outcome.Forbidden(
                $"Anda menulis naskah ini; penulis tidak dapat {verb} naskahnya sendiri. Langkah ini menunggu {awaited} lain atau Plh/Plt-nya.");
        }

        if (StepTakers().Contains(actor.UserId))
        {
            return Outcome.Conflict(
                $"Anda sudah mengambil satu langkah persetujuan naskah ini; satu orang tidak mengambil dua langkah pada naskah yang sama. Naskah kini menunggu {awaited} lain atau Plh/Plt-nya.");
        }

        return authority?.Succeeded == true
            ? null
            : Outcome.Forbidden(authority?.Message ?? $"Langkah ini menunggu {awaited}; peran Anda tidak dapat {verb} naskah ini sekarang.");
    }

    private void MoveTo(int stepIndex)
    {
        StepIndex = stepIndex;
        Status = stepIndex == 0 ? WorkflowStatuses.Submitted : $"{ChainRoles[stepIndex - 1]}_approved";
    }

    /// <summary>A note as recorded: trimmed, without control characters or bidirectional overrides; null when empty.</summary>
    private static string? Trim(string? note) => Infrastructure.Text.UntrustedText.Clean(note) is { } clean && !string.IsNullOrWhiteSpace(clean) ? clean.Trim() : null;

    private void Record(
        string step, string action, Actor actor, string? role, DateTimeOffset at, string? note, string? hash, Guid? versionId, DateTimeOffset? publishAt = null,
        ActingPosition? position = null)
        => Record(step, action, actor.UserId, actor.DisplayName, role, at, note, hash, versionId, publishAt, position);

    private void Record(
        string step, string action, string actorId, string actorName, string? role, DateTimeOffset at, string? note, string? hash, Guid? versionId,
        DateTimeOffset? publishAt = null, ActingPosition? position = null)
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
            ActingAs = position?.LegalForm,
            Reference = position?.Reference,
        };

        // Linked to the chain and hashed with the chain's key when saved (EditorialDbContext, HistoryChain.Seal).
        History.Add(entry);
    }
}
