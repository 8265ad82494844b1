namespace Diskominfo.Newsroom.Abstractions.Security;

public static class NewsroomClaims
{
    public const string DisplayName = "newsroom:display_name";
}
