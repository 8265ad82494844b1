using Diskominfo.Newsroom.Users.Data;
using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>What a sign-in leaves on the account (the last sign-in), and the answer to a disabled account's attempt.</summary>
internal sealed class SignInRecorder(UsersDbContext db, TimeProvider clock)
{
    public const string DisabledMessage = "Akun Anda dinonaktifkan; hubungi admin.";

    public async Task RecordAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), cancellationToken);
    }

    /// <summary>
    /// For a sign-in refused as not allowed: the disabled account's message when the password was right; otherwise null,
    /// and the caller answers as for a wrong password (so the state of an account is told only to its owner).
    /// </summary>
    public static async Task<string?> RefusalAsync(UserManager<NewsroomUser> users, NewsroomUser? user, string password, SignInResult result)
        => result.IsNotAllowed && user is { Disabled: true } && await users.CheckPasswordAsync(user, password) ? DisabledMessage : null;
}
