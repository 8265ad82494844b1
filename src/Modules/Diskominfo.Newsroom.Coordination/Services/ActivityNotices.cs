using Diskominfo.Newsroom.Abstractions.Events;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Abstractions.Text;
using Diskominfo.Newsroom.Coordination.Models;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>
/// Who is told what at each step: the next approver (by role and seksi, so holders and Plh/Plt in force), and on a
/// decline or return the people whose step is undone (the registrant, the Kasi who proposed, the Kabid who initialled).
/// </summary>
internal static class ActivityNotices
{
    public static DeskNotice Registered(Activity activity, Actor actor)
        => Next(activity, actor, "activity-registered", NewsroomRoles.Kasi, "Undangan baru menunggu diolah ke jadwal",
            $"dicatat oleh {actor.DisplayName} dan menunggu Kasi mengusulkannya ke jadwal kegiatan.", activity.RegisteredAt);

    /// <summary>The notice after <paramref name="action"/> was taken (the activity already moved), or null when nobody needs telling.</summary>
    public static DeskNotice? After(Activity activity, ActivityAction action, Actor actor, string? note, DateTimeOffset at)
    {
        var withNote = string.IsNullOrWhiteSpace(note) ? "" : $" Catatan: \"{note.Trim()}\"";
        return (action.Name, action.Role) switch
        {
            (ActivityAction.Propose, _) => Next(activity, actor, "activity-proposed", NewsroomRoles.Kabid, "Undangan menunggu paraf",
                $"diusulkan ke jadwal kegiatan oleh {actor.DisplayName} dan menunggu paraf Kabid.", at),
            (ActivityAction.Initial, _) => Next(activity, actor, "activity-initialled", NewsroomRoles.Kadis, "Undangan menunggu persetujuan",
                $"diparaf oleh {actor.DisplayName} dan menunggu persetujuan Kadis.", at),
            (ActivityAction.Approve, _) => Tell(activity, actor, "activity-approved", "Kegiatan masuk jadwal",
                $"disetujui oleh {actor.DisplayName} dan masuk jadwal kegiatan.{withNote}", at, Everyone(activity)),
            (ActivityAction.Decline, _) => Tell(activity, actor, "activity-declined", "Undangan ditolak",
                $"ditolak oleh {actor.DisplayName}.{withNote}", at, Everyone(activity)),
            (ActivityAction.Return, NewsroomRoles.Kabid) => Tell(activity, actor, "activity-returned", "Undangan dikembalikan",
                $"dikembalikan oleh {actor.DisplayName} kepada Kasi.{withNote}", at, LastActor(activity, ActivityAction.Propose), NewsroomRoles.Kasi),
            (ActivityAction.Return, _) => Tell(activity, actor, "activity-returned", "Undangan dikembalikan",
                $"dikembalikan oleh {actor.DisplayName} kepada Kabid.{withNote}", at, LastActor(activity, ActivityAction.Initial), NewsroomRoles.Kabid),
            _ => null,
        };
    }

    private static DeskNotice Next(Activity activity, Actor actor, string reason, string role, string subject, string what, DateTimeOffset at)
        => Tell(activity, actor, reason, subject, what, at, [], role);

    private static DeskNotice Tell(
        Activity activity, Actor actor, string reason, string subject, string what, DateTimeOffset at, IReadOnlyCollection<string> users, string? role = null)
        => new(reason, $"{subject}: {activity.AgendaNumber} {activity.Title}",
            $"Undangan {activity.AgendaNumber} \"{activity.Title}\" ({activity.Organizer}, {IndonesianTime.Short(activity.Start)}, {activity.Place}) {what}",
            CoordinationPaths.Details(activity.Id), actor.UserId, at, users, role, role is null ? null : activity.SectionId);

    /// <summary>The registrant and everyone who took a step of the chain on it.</summary>
    private static string[] Everyone(Activity activity) => [.. activity.Trail.Select(e => e.ActorId).Distinct()];

    private static string[] LastActor(Activity activity, string action)
        => activity.Trail.Where(e => e.Action == action).OrderBy(e => e.Sequence).LastOrDefault() is { } entry ? [entry.ActorId] : [];
}
