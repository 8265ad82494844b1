using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>The reports' addresses and who reads them.</summary>
internal static class ReportPaths
{
    public const string Api = "/api/v1/reports";

    public const string SpendDesk = "/admin/laporan/adventorial";

    public const string BookDesk = "/admin/laporan/buku-kliping";

    public const string BudgetSettings = "/admin/pengaturan/anggaran-adventorial";

    /// <summary>The spend: the heads (the Kasi is the PPTK) and the admins who enter the budgets.</summary>
    public static readonly string[] SpendReaders = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis, NewsroomRoles.Admin];

    /// <summary>The clipping book: the heads who select and sign the clippings, and the archivist who files them.</summary>
    public static readonly string[] BookReaders = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis, NewsroomRoles.Archivist];

    public static bool MayRead(Actor actor, string[] roles) => roles.Any(actor.IsInRole);
}
