using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Coordination.Models;

/// <summary>
/// An invitation or activity notice (undangan) in the agenda book: the event, its letter, and where it stands on its way
/// to the activity schedule. Its steps are <see cref="ActivityEntry"/> rows; <see cref="StatusSince"/> is when the
/// current step received it (the start of its standard time).
/// </summary>
internal sealed class Activity
{
    public Guid Id { get; set; }

    /// <summary>The agenda book's year (WIB) and running number in it; (Year, Sequence) is unique and never reused.</summary>
    public int Year { get; set; }

    public int Sequence { get; set; }

    /// <summary>For example <c>001/UND/2026</c>.</summary>
    public string AgendaNumber { get; set; } = "";

    public string Title { get; set; } = "";

    public string Organizer { get; set; } = "";

    public string Place { get; set; } = "";

    public string? Contact { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public string LetterNumber { get; set; } = "";

    public DateOnly LetterDate { get; set; }

    /// <summary>The seksi it concerns; none: any Kasi may propose it.</summary>
    public Guid? SectionId { get; set; }

    /// <summary>When the letter reached the office (the registration's standard time runs from here).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public string RegisteredById { get; set; } = "";

    public string RegisteredByName { get; set; } = "";

    public string Status { get; set; } = ActivityStatuses.Registered;

    public DateTimeOffset StatusSince { get; set; }

    /// <summary>The letter's file, relative to the data folder.</summary>
    public string LetterPath { get; set; } = "";

    public string LetterContentType { get; set; } = "";

    public string LetterFileName { get; set; } = "";

    public long LetterSize { get; set; }

    public string LetterSha256 { get; set; } = "";

    public List<ActivityEntry> Trail { get; set; } = [];

    /// <summary>
    /// Takes <paramref name="action"/> (already authorized for the actor's post): moves the status and records the step.
    /// Refuses a step the status does not await, a missing note, or a person who took the step just before.
    /// </summary>
    public string? Take(ActivityAction action, string actorId, string actorName, string? actingAs, string? note, DateTimeOffset at)
    {
        if (Refusal(action, actorId, at) is { } refusal)
        {
            return refusal;
        }

        if (action.NoteRequired && string.IsNullOrWhiteSpace(note))
        {
            return $"Catatan wajib diisi untuk '{action.Label}'.";
        }

        var from = Status;
        Status = action.Target(Status);
        StatusSince = at;
        Record(action.Name, from, action.Role, actorId, actorName, actingAs, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), at);
        return null;
    }

    /// <summary>Moves the activity to start at <paramref name="start"/>, keeping its length, and records who moved it from when.</summary>
    public void Reschedule(DateTimeOffset start, string actorId, string actorName, string? actingAs, DateTimeOffset at)
    {
        var length = End - Start;
        var note = $"Dipindah dari {IndonesianTime.Short(Start)} ke {IndonesianTime.Short(start)}.";
        Start = start.ToUniversalTime();
        End = Start + length;
        Record(ActivityAction.Reschedule, Status, NewsroomRoles.Kasi, actorId, actorName, actingAs, note, at);
    }

    /// <summary>Why the person may not take <paramref name="action"/> now (whatever his post), or null.</summary>
    public string? Refusal(ActivityAction action, string actorId, DateTimeOffset at)
    {
        if (!action.AppliesTo(Status))
        {
            return $"Kegiatan berstatus {ActivityStatusLabels.Of(Status)}: langkah '{action.Label}' tidak dapat dilakukan sekarang.";
        }

        // The registration and a move of the date are not approvals: the registrant (a Kasi) may still propose it.
        var lastStep = Trail.Where(e => e.Action is not (ActivityAction.Registered or ActivityAction.Reschedule)).MaxBy(e => e.Sequence);
        if (action.IsApproval && lastStep?.ActorId == actorId && lastStep.ToStatus == Status)
        {
            return "Satu orang hanya mengambil satu langkah persetujuan berturut-turut: langkah ini menunggu pejabat berikutnya.";
        }

        return action.Name == ActivityAction.File && Status == ActivityStatuses.Approved && at < End
            ? "Kegiatan belum selesai: arsipkan setelah kegiatan berlangsung."
            : null;
    }

    /// <summary>The step the activity waits in now, and since when; null when it waits for nobody.</summary>
    public (string Step, string Role, DateTimeOffset Since)? Pending(DateTimeOffset now) => Status switch
    {
        ActivityStatuses.Registered => (CoordinationSteps.Kasi, NewsroomRoles.Kasi, StatusSince),
        ActivityStatuses.Proposed => (CoordinationSteps.Kabid, NewsroomRoles.Kabid, StatusSince),
        ActivityStatuses.Initialled => (CoordinationSteps.Kadis, NewsroomRoles.Kadis, StatusSince),
        ActivityStatuses.Approved when now >= End => (CoordinationSteps.Filing, NewsroomRoles.Archivist, End > StatusSince ? End : StatusSince),
        _ => null,
    };

    private void Record(string action, string from, string role, string actorId, string actorName, string? actingAs, string? note, DateTimeOffset at)
        => Trail.Add(new ActivityEntry
        {
            ActivityId = Id,
            Sequence = Trail.Count + 1,
            Action = action,
            FromStatus = from,
            ToStatus = Status,
            Role = role,
            ActorId = actorId,
            ActorName = actorName,
            ActingAs = actingAs,
            Note = note,
            At = at,
        });
}
