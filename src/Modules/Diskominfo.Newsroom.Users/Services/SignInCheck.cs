using Diskominfo.Newsroom.Users.Models;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>What a sign-in step decided, the account (when the password was right) and until when it is locked.</summary>
internal sealed record SignInCheck(SignInVerdict Verdict, NewsroomUser? User = null, DateTimeOffset? LockedUntil = null)
{
    public static SignInCheck Failed { get; } = new(SignInVerdict.Failed);
}
