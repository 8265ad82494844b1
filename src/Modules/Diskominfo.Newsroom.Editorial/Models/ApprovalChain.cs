using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>The roles that approve an item, in order; the last one signs. Defaults from the SOPs.</summary>
internal static class ApprovalChain
{
    private static readonly string[] SopChain = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis];

    /// <summary>All three SOP flows share the same chain today; per-type chains as configuration come with the editorial desk.</summary>
    public static IReadOnlyList<string> For(string contentType) => SopChain;
}
