using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>
/// The buku agenda as a hash chain: every entry's hash covers its own fields and the previous entry's hash, and
/// the workflow keeps the hash of the last entry. Changing, removing or reordering any row breaks the chain.
/// </summary>
internal static class HistoryChain
{
    /// <summary>
    /// Times are kept to the millisecond: coarser than both stores (SQLite keeps 0.1 ms through the binary converter,
    /// PostgreSQL 1 µs), so what is read back hashes the same as what was written.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static string Compute(HistoryEntry entry)
    {
        var fields = string.Join('\u001f',
            entry.ItemId.ToString("D"),
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Step,
            entry.Action,
            entry.ActorId,
            entry.ActorName,
            entry.Role ?? "",
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            entry.Note ?? "",
            entry.ContentHash ?? "",
            entry.VersionId?.ToString("D") ?? "",
            entry.PublishAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "",
            entry.PreviousHash ?? "");
        if (entry.ActingAs is not null || entry.Reference is not null)
        {
            // Added after the first entries were written: only entries that carry a post hash it, so older ones still verify.
            fields = string.Join('\u001f', fields, entry.ActingAs ?? "", entry.Reference ?? "");
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fields)));
    }

    /// <summary>Walks the entries in order and reports the first one that does not hold.</summary>
    public static ChainVerification Verify(IReadOnlyList<HistoryEntry> entries, string? headHash)
    {
        string? previous = null;
        var expectedSequence = 1;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Sequence != expectedSequence)
            {
                return ChainVerification.Broken(entries.Count, expectedSequence, $"Entri nomor {expectedSequence} hilang dari buku agenda.");
            }

            if (entry.PreviousHash != previous)
            {
                return ChainVerification.Broken(entries.Count, entry.Sequence, $"Entri nomor {entry.Sequence} tidak tertaut ke entri sebelumnya.");
            }

            if (entry.EntryHash != Compute(entry))
            {
                return ChainVerification.Broken(entries.Count, entry.Sequence, $"Isi entri nomor {entry.Sequence} telah diubah setelah dicatat.");
            }

            previous = entry.EntryHash;
            expectedSequence++;
        }

        return previous == headHash
            ? new ChainVerification(true, entries.Count, null, null)
            : ChainVerification.Broken(entries.Count, expectedSequence, "Entri terakhir buku agenda telah dihapus.");
    }
}

/// <summary>Whether an item's history is intact; if not, the first entry that fails and why (in Indonesian).</summary>
internal sealed record ChainVerification(bool Intact, int Entries, int? BrokenAt, string? Problem)
{
    public static ChainVerification Broken(int entries, int at, string problem) => new(false, entries, at, problem);
}
