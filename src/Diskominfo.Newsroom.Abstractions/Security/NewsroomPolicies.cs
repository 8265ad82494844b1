namespace Diskominfo.Newsroom.Abstractions.Security;

/// <summary>Authorization policy names shared by the modules.</summary>
public static class NewsroomPolicies
{
    /// <summary>Any signed-in member of the office (cookie or bearer).</summary>
    public const string Staff = "newsroom.staff";

    /// <summary>Signed-in staff calling the JSON API with a bearer token.</summary>
    public const string ApiStaff = "newsroom.api-staff";

    /// <summary>System administrators.</summary>
    public const string Admin = "newsroom.admin";
}
