namespace Diskominfo.Newsroom.Organization;

/// <summary>The module's desk pages.</summary>
internal static class OrganizationPaths
{
    public const string Structure = "/admin/organisasi";

    public const string Delegations = "/admin/plh";

    public const string WorkingDays = "/admin/pengaturan/hari-kerja";

    public static string EditSection(Guid id) => $"{Structure}/{id}";
}
