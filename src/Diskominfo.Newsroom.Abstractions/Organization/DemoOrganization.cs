namespace Diskominfo.Newsroom.Abstractions.Organization;

/// <summary>
/// The demo office's structure, made beside the demo accounts (Development, or <c>Newsroom:DemoAccounts=true</c>):
/// one bidang with two seksi. The Organization module creates the sections; the Users module places the demo accounts in them.
/// </summary>
public static class DemoOrganization
{
    public const string SettingKey = "Newsroom:DemoAccounts";

    public static readonly Guid Bidang = new("6f1b2c3d-0000-4000-8000-000000000001");
    public static readonly Guid SeksiMedia = new("6f1b2c3d-0000-4000-8000-000000000002");
    public static readonly Guid SeksiKomunikasi = new("6f1b2c3d-0000-4000-8000-000000000003");

    public static IReadOnlyList<OrgSection> Sections { get; } =
    [
        new(Bidang, SectionKinds.Bidang, "Informasi dan Komunikasi Publik", null, true, "IKP"),
        new(SeksiMedia, SectionKinds.Seksi, "Pengelolaan Media dan Penyiaran", Bidang, true, "MP"),
        new(SeksiKomunikasi, SectionKinds.Seksi, "Layanan Informasi dan Komunikasi Publik", Bidang, true, "LIK"),
    ];
}
