namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Where a sign-in came from, as the audit log records it.</summary>
internal static class SignInChannel
{
    public const string Form = "form";
    public const string Api = "api";
}
