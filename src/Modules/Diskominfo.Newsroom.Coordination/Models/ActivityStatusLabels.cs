using Diskominfo.Newsroom.Abstractions.Coordination;

namespace Diskominfo.Newsroom.Coordination.Models;

/// <summary>The statuses of <see cref="ActivityStatuses"/> as the desk shows them.</summary>
internal static class ActivityStatusLabels
{
    public static IReadOnlyList<string> All { get; } =
    [
        ActivityStatuses.Registered, ActivityStatuses.Proposed, ActivityStatuses.Initialled,
        ActivityStatuses.Approved, ActivityStatuses.Declined, ActivityStatuses.Filed,
    ];

    public static string Of(string status) => status switch
    {
        ActivityStatuses.Registered => "tercatat, menunggu Kasi",
        ActivityStatuses.Proposed => "diusulkan, menunggu paraf Kabid",
        ActivityStatuses.Initialled => "diparaf, menunggu Kadis",
        ActivityStatuses.Approved => "disetujui (masuk jadwal)",
        ActivityStatuses.Declined => "ditolak",
        ActivityStatuses.Filed => "diarsipkan",
        _ => status,
    };
}
