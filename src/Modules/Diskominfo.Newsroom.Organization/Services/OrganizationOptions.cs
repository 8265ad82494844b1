namespace Diskominfo.Newsroom.Organization.Services;

/// <summary>Settings of the office's structure (<c>Newsroom:Organization</c>).</summary>
internal sealed class OrganizationOptions
{
    public const string Section = "Newsroom:Organization";

    /// <summary>The head of the office's full title, written in the trail and on the archive sheet.</summary>
    public string KadisTitle { get; set; } = "Kepala Dinas Komunikasi dan Informatika";
}
