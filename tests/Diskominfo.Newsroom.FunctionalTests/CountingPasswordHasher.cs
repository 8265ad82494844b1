using Diskominfo.Newsroom.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Identity's password hasher, counting the verifications (the costly part of a sign-in).</summary>
internal sealed class CountingPasswordHasher(HashVerificationCounter counter) : IPasswordHasher<NewsroomUser>
{
    private readonly PasswordHasher<NewsroomUser> _inner = new();

    public string HashPassword(NewsroomUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(NewsroomUser user, string hashedPassword, string providedPassword)
    {
        counter.Increment();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
