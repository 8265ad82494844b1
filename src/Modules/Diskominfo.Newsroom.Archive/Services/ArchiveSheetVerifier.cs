using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Archive.Models;

namespace Diskominfo.Newsroom.Archive.Services;

/// <summary>
/// Checks a filing when its sheet is printed, never trusting what was stored: the item's buku agenda is verified now
/// (its keyed hash chain), the trail on the sheet must be the same entries, and the sheet must match its seal.
/// </summary>
internal sealed class ArchiveSheetVerifier(IWorkflowQuery workflows, ArchiveSeal seal)
{
    public async Task<SheetVerdict> VerifyAsync(Guid itemId, ArchiveSnapshot snapshot, ArchiveSheet sheet, CancellationToken cancellationToken)
    {
        var (sealIntact, sealText) = CheckSeal(snapshot);
        var (chainIntact, chainText) = await CheckChainAsync(itemId, sheet, cancellationToken);
        var filed = sheet.TrailCheck is { } check
            ? $"Catatan saat pengarsipan (disimpan, tidak dipakai sebagai putusan): {(check.Intact ? "utuh" : $"rusak pada entri {check.BrokenAt}")}, {check.Entries} entri."
            : null;
        return new SheetVerdict(sealIntact && chainIntact, chainText, sealText, filed);
    }

    private (bool Intact, string Text) CheckSeal(ArchiveSnapshot snapshot)
    {
        if (!string.Equals(snapshot.Sha256, ArchiveSheet.Hash(snapshot.Json), StringComparison.Ordinal))
        {
            return (false, "Segel lembar: RUSAK. Sidik SHA-256 lembar tidak cocok dengan isinya: catatan arsip telah diubah.");
        }

        if (snapshot.Seal is null)
        {
            return (true,
                "Segel lembar: sidik SHA-256 cocok; lembar ini diarsipkan sebelum ada segel berkunci, jadi sidiknya dapat dihitung ulang oleh orang yang dapat mengubah basis data.");
        }

        return seal.Matches(snapshot.Json, snapshot.Seal)
            ? (true, "Segel lembar: cocok (HMAC-SHA256 berkunci).")
            : (false, "Segel lembar: RUSAK. Segel berkunci tidak cocok: catatan arsip telah diubah atau dibuat di luar aplikasi.");
    }

    private async Task<(bool Intact, string Text)> CheckChainAsync(Guid itemId, ArchiveSheet sheet, CancellationToken cancellationToken)
    {
        var check = await workflows.VerifyHistoryAsync(itemId, cancellationToken);
        if (check is null)
        {
            return sheet.Trail.Count == 0
                ? (true, "Rantai hash: tidak ada jejak persetujuan.")
                : (false, "Rantai hash: RUSAK. Buku agenda naskah ini tidak ditemukan lagi.");
        }

        if (!check.Intact)
        {
            return (false, $"Rantai hash: RUSAK pada entri {check.BrokenAt}. {check.Message}");
        }

        var live = (await workflows.GetAsync(itemId, cancellationToken))?.History.ToDictionary(h => h.Sequence) ?? [];
        var differing = sheet.Trail.FirstOrDefault(e => !live.TryGetValue(e.Sequence, out var now) || !string.Equals(now.EntryHash, e.EntryHash, StringComparison.Ordinal));
        if (differing is not null)
        {
            return (false, $"Rantai hash: RUSAK pada entri {differing.Sequence}. Entri di lembar arsip tidak sama dengan buku agenda.");
        }

        return (true, $"Rantai hash: utuh, diperiksa ulang saat lembar ini dicetak. {check.Message}");
    }
}
