using Diskominfo.Newsroom.Users.Data;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>What a sign-in leaves on the account (the last sign-in), and the answer to a disabled account's attempt with the right password.</summary>
internal sealed class SignInRecorder(UsersDbContext db, TimeProvider clock)
{
    public const string DisabledMessage = "Akun Anda dinonaktifkan; hubungi admin.";

    public async Task RecordAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), cancellationToken);
    }
}
