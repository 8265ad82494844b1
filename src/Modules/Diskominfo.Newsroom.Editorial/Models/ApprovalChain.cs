using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Security;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>The roles that approve an item, in order; the last one signs. Defaults from the SOPs.</summary>
internal static class ApprovalChain
{
    public static IReadOnlyList<string> For(string contentType) => contentType switch
    {
        ContentTypes.PressRelease or ContentTypes.Clipping or ContentTypes.Adventorial =>
            [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis],
        _ => [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis],
    };
}
