namespace Diskominfo.Newsroom.Abstractions.Editorial;

/// <summary>The status values of an item, as the API shows them.</summary>
public static class WorkflowStatuses
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string KasiApproved = "kasi_approved";
    public const string KabidApproved = "kabid_approved";
    public const string Signed = "signed";
    public const string Published = "published";
    public const string Archived = "archived";
    public const string Returned = "returned";

    public static string Label(string status) => status switch
    {
        Draft => "Draf",
        Submitted => "Menunggu paraf Kasi",
        KasiApproved => "Menunggu paraf Kabid",
        KabidApproved => "Menunggu tanda tangan Kadis",
        Signed => "Ditandatangani, menunggu terbit",
        Published => "Terbit",
        Archived => "Diarsipkan",
        Returned => "Dikembalikan",
        _ => status,
    };
}
