using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Diskominfo.Newsroom.Infrastructure.Keys;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>
/// The buku agenda as a keyed hash chain: every entry's hash is an HMAC-SHA256, under a key kept in the keys folder and
/// never in the database, of its own fields and the previous entry's hash, and the workflow keeps the hash of the last
/// entry. Changing, removing or reordering any row breaks the chain, and someone who can write to the database cannot
/// compute a matching hash without the key.
/// Entries written before the chain was keyed carry a plain SHA-256 (<see cref="LegacyPrefix"/>): they still verify, but
/// anyone with database access could have recomputed them, and the verdict says so. Such entries can only come before
/// the keyed ones and before the key was made; a plain hash after that is a rewrite.
/// </summary>
internal sealed class HistoryChain(ISecretKeys keys)
{
    public const string KeyedPrefix = "hmac-sha256:v1:";
    public const string LegacyPrefix = "sha256:";

    private SecretKey Key => keys.Get(SecretKeyNames.HistoryChain);

    /// <summary>
    /// Times are kept to the millisecond: coarser than both stores (SQLite keeps 0.1 ms through the binary converter,
    /// PostgreSQL 1 µs), so what is read back hashes the same as what was written.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>The keyed hash of an entry (its fields and <see cref="HistoryEntry.PreviousHash"/>).</summary>
    public string Compute(HistoryEntry entry)
        => KeyedPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Key.Bytes, Encoding.UTF8.GetBytes(Fields(entry))));

    /// <summary>The unkeyed hash entries had before the chain was keyed (and what an attacker can compute).</summary>
    public static string ComputeLegacy(HistoryEntry entry)
        => LegacyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Fields(entry))));

    /// <summary>
    /// Links and hashes the entries added to <paramref name="workflow"/> since it was read, in order, after its head, and
    /// moves the head: called when the entries are saved.
    /// </summary>
    public void Seal(Workflow workflow, IEnumerable<HistoryEntry> added)
    {
        foreach (var entry in added.OrderBy(e => e.Sequence))
        {
            entry.PreviousHash = workflow.HeadHash;
            entry.EntryHash = Compute(entry);
            workflow.HeadHash = entry.EntryHash;
        }
    }

    /// <summary>Walks the entries in order and reports the first one that does not hold.</summary>
    public ChainVerification Verify(IReadOnlyList<HistoryEntry> entries, string? headHash)
    {
        var key = Key;
        string? previous = null;
        var expectedSequence = 1;
        var unkeyed = 0;
        var keyedSeen = false;
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

            if (entry.EntryHash.StartsWith(KeyedPrefix, StringComparison.Ordinal))
            {
                if (!Matches(entry.EntryHash, KeyedPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(Fields(entry))))))
                {
                    return ChainVerification.Broken(entries.Count, entry.Sequence, $"Isi entri nomor {entry.Sequence} telah diubah setelah dicatat.");
                }

                keyedSeen = true;
            }
            else if (entry.EntryHash.StartsWith(LegacyPrefix, StringComparison.Ordinal))
            {
                if (keyedSeen || entry.At >= key.CreatedAt)
                {
                    return ChainVerification.Broken(entries.Count, entry.Sequence,
                        $"Entri nomor {entry.Sequence} memakai hash tanpa kunci padahal dicatat setelah rantai berkunci: buku agenda telah ditulis ulang.");
                }

                if (!Matches(entry.EntryHash, ComputeLegacy(entry)))
                {
                    return ChainVerification.Broken(entries.Count, entry.Sequence, $"Isi entri nomor {entry.Sequence} telah diubah setelah dicatat.");
                }

                unkeyed++;
            }
            else
            {
                return ChainVerification.Broken(entries.Count, entry.Sequence, $"Hash entri nomor {entry.Sequence} tidak dikenal.");
            }

            previous = entry.EntryHash;
            expectedSequence++;
        }

        return previous == headHash
            ? new ChainVerification(true, entries.Count, null, null, unkeyed)
            : ChainVerification.Broken(entries.Count, expectedSequence, "Entri terakhir buku agenda telah dihapus.");
    }

    private static bool Matches(string stored, string computed)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(computed));

    private static string Fields(HistoryEntry entry)
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

        return fields;
    }
}

/// <summary>
/// Whether an item's history is intact; if not, the first entry that fails and why (in Indonesian). An intact history may
/// hold <paramref name="Unkeyed"/> entries from before the chain was keyed, which only a plain SHA-256 protects.
/// </summary>
internal sealed record ChainVerification(bool Intact, int Entries, int? BrokenAt, string? Problem, int Unkeyed = 0)
{
    public static ChainVerification Broken(int entries, int at, string problem) => new(false, entries, at, problem);

    /// <summary>The verdict in Indonesian, as the item page, the API and the archive sheet say it.</summary>
    public string Message => !Intact
        ? Problem!
        : Unkeyed == 0
            ? $"Buku agenda utuh: {Entries} entri, rantai hash cocok (HMAC-SHA256 berkunci)."
            : $"Buku agenda utuh; {Unkeyed} entri lama tanpa kunci (SHA-256 biasa, dapat dihitung ulang oleh orang yang dapat mengubah basis data): {Entries} entri, rantai hash cocok.";
}
