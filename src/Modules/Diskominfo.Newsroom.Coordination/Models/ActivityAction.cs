using Diskominfo.Newsroom.Abstractions.Coordination;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Coordination.Models;

/// <summary>
/// A step of the chain (SOP Pelaksanaan Koordinasi dan Kerjasama): its API name, the role that takes it, the statuses it
/// moves from and to, whether a note is required, and its labels (button, trail).
/// </summary>
internal sealed record ActivityAction(
    string Name, string Role, IReadOnlyDictionary<string, string> Moves, bool NoteRequired, bool IsApproval, string Label, string TrailLabel)
{
    /// <summary>The trail's first entry: the registration in the agenda book (not an action anyone takes on the chain).</summary>
    public const string Registered = "register";

    /// <summary>A trail entry for a move of a registered activity to another time (not a step of the chain).</summary>
    public const string Reschedule = "reschedule";

    public const string Propose = "propose";
    public const string Initial = "initial";
    public const string Approve = "approve";
    public const string Decline = "decline";
    public const string Return = "return";
    public const string File = "file";

    public static IReadOnlyList<ActivityAction> All { get; } =
    [
        new(Propose, NewsroomRoles.Kasi, Move(ActivityStatuses.Registered, ActivityStatuses.Proposed), false, true,
            "Usulkan ke jadwal", "Diusulkan ke jadwal kegiatan"),
        new(Initial, NewsroomRoles.Kabid, Move(ActivityStatuses.Proposed, ActivityStatuses.Initialled), false, true, "Paraf", "Diparaf"),
        new(Approve, NewsroomRoles.Kadis, Move(ActivityStatuses.Initialled, ActivityStatuses.Approved), false, true,
            "Setujui", "Disetujui masuk jadwal kegiatan"),
        new(Decline, NewsroomRoles.Kadis, Move(ActivityStatuses.Initialled, ActivityStatuses.Declined), true, true, "Tolak", "Ditolak"),
        new(Return, NewsroomRoles.Kabid, Move(ActivityStatuses.Proposed, ActivityStatuses.Registered), true, true,
            "Kembalikan ke Kasi", "Dikembalikan ke Kasi"),
        new(Return, NewsroomRoles.Kadis, Move(ActivityStatuses.Initialled, ActivityStatuses.Proposed), true, true,
            "Kembalikan ke Kabid", "Dikembalikan ke Kabid"),
        new(File, NewsroomRoles.Archivist, Move(ActivityStatuses.Approved, ActivityStatuses.Filed), false, false, "Arsipkan", "Diarsipkan"),
    ];

    public static IReadOnlyList<string> Names { get; } = [Propose, Initial, Approve, Decline, Return, File];

    /// <summary>The action of that name that applies to <paramref name="status"/>, else the first of that name (to refuse it), else null.</summary>
    public static ActivityAction? Find(string name, string status)
        => All.FirstOrDefault(a => a.Name == name && a.AppliesTo(status)) ?? All.FirstOrDefault(a => a.Name == name);

    /// <summary>The actions awaited in <paramref name="status"/>.</summary>
    public static IEnumerable<ActivityAction> For(string status) => All.Where(a => a.AppliesTo(status));

    public bool AppliesTo(string status) => Moves.ContainsKey(status);

    public string Target(string status) => Moves[status];

    /// <summary>The trail's label of an entry.</summary>
    public static string TrailLabelOf(string action, string? role) => action switch
    {
        Registered => "Dicatat di buku agenda",
        Reschedule => "Dipindah waktunya",
        _ => All.FirstOrDefault(a => a.Name == action && (role is null || a.Role == role))?.TrailLabel ?? action,
    };

    private static Dictionary<string, string> Move(string from, string to) => new() { [from] = to };
}
