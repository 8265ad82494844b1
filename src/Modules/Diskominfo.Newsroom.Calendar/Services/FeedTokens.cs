using System.Security.Cryptography;
using System.Text;
using Diskominfo.Newsroom.Calendar.Data;
using Diskominfo.Newsroom.Calendar.Models;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Calendar.Services;

/// <summary>
/// The per-person feed addresses: one active token per person; making a new one (regenerate) revokes the old. Only the
/// SHA-256 of a token is stored, and a presented token is matched by its hash and compared in constant time.
/// </summary>
internal sealed class FeedTokens(CalendarDbContext db, TimeProvider clock)
{
    /// <summary>The person's active token, if any (its hint and dates; never the token).</summary>
    public Task<FeedToken?> ActiveAsync(string userId, CancellationToken cancellationToken)
        => db.FeedTokens.AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null).OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Makes a new token for the person, revoking any earlier one; returns the token, to be shown once.</summary>
    public async Task<string> IssueAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await RevokeAllAsync(userId, now, cancellationToken);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.FeedTokens.Add(new FeedToken { Id = Guid.CreateVersion7(now), UserId = userId, Hash = Hash(token), Hint = token[^4..], CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Revokes the person's token(s); false when there was none.</summary>
    public async Task<bool> RevokeAsync(string userId, CancellationToken cancellationToken)
    {
        var revoked = await RevokeAllAsync(userId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return revoked > 0;
    }

    /// <summary>The person a token belongs to, or null for an unknown, malformed or revoked token.</summary>
    public async Task<string?> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var row = await db.FeedTokens.AsNoTracking().Where(t => t.Hash == hash && t.RevokedAt == null).FirstOrDefaultAsync(cancellationToken);
        return row is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.Hash), Encoding.ASCII.GetBytes(hash))
            ? row.UserId
            : null;
    }

    private async Task<int> RevokeAllAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await db.FeedTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in active)
        {
            token.RevokedAt = now;
        }

        return active.Count;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
