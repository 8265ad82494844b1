namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>The status values of an item, as the API shows them. Whose turn it is comes from the chain, not the status.</summary>
public static class WorkflowStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string KasiApproved = "kasi_approved";
    public const string KabidApproved = "kabid_approved";
    public const string KadisApproved = "kadis_approved";
    public const string Signed = "signed";
    public const string Published = "published";
    public const string Archived = "archived";
    public const string Returned = "returned";

    /// <summary>A clipping the Kasi did not select for the archive (SOP: "the Kasi selects"); the end of its way.</summary>
    public const string Rejected = "rejected";

    /// <summary>An adventorial the Kadis ordered, awaiting the Kabid's assignment of a Kasi as PPTK.</summary>
    public const string Ordered = "ordered";

    public static string Label(string status) => status switch
    {
        Draft => "Draf",
        Submitted => "Diajukan",
        KasiApproved => "Diparaf Kasi",
        KabidApproved => "Diparaf Kabid",
        KadisApproved => "Diparaf Kadis",
        Signed => "Ditandatangani, menunggu terbit",
        Published => "Terbit",
        Archived => "Diarsipkan",
        Returned => "Dikembalikan",
        Ordered => "Dipesan, menunggu penugasan PPTK",
        Rejected => "Tidak dipilih",
        _ => status,
    };
}
