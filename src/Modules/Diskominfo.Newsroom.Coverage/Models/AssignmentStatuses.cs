namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>The states of a coverage assignment (values as in the API), in the order of the SOP's steps.</summary>
public static class AssignmentStatuses
{
    /// <summary>Dispositioned by the head to a seksi: the Kasi assigns staff (SOP step 2).</summary>
    public const string Dispositioned = "dispositioned";

    /// <summary>Staff assigned: they cover the event and file the report (step 3).</summary>
    public const string Assigned = "assigned";

    /// <summary>Report filed: the Kasi checks it and forwards it to the head (step 4).</summary>
    public const string Reported = "reported";

    /// <summary>Forwarded by the Kasi: the head who dispositioned approves it (step 5).</summary>
    public const string Forwarded = "forwarded";

    /// <summary>Report approved (pengesahan laporan hasil kegiatan): it goes into the monthly bulletin.</summary>
    public const string Approved = "approved";

    /// <summary>Returned with a note to the assignees, who file the report again.</summary>
    public const string Returned = "returned";

    public static IReadOnlyList<string> All { get; } = [Dispositioned, Assigned, Reported, Forwarded, Approved, Returned];

    public static string Label(string status) => status switch
    {
        Dispositioned => "Menunggu penugasan Kasi",
        Assigned => "Ditugaskan, menunggu laporan",
        Reported => "Laporan menunggu pemeriksaan Kasi",
        Forwarded => "Laporan menunggu persetujuan pimpinan",
        Approved => "Laporan disahkan",
        Returned => "Laporan dikembalikan",
        _ => status,
    };
}
