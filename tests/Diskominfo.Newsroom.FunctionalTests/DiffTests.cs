using System.Net;
using System.Net.Http.Json;
using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Every approver sees, side by side, what changed since the previous approval.</summary>
public sealed class DiffTests
{
    [Fact]
    public void LineDiff_PairsReplacedLinesAndKeepsOrder()
    {
        var rows = LineDiff.Compare("Judul: A\nsatu\ndua\ntiga", "Judul: B\nsatu\ntiga\nempat");
        Assert.Equal(
            [
                new DiffRow(DiffRow.Changed, "Judul: A", "Judul: B"),
                new DiffRow(DiffRow.Same, "satu", "satu"),
                new DiffRow(DiffRow.Removed, "dua", null),
                new DiffRow(DiffRow.Same, "tiga", "tiga"),
                new DiffRow(DiffRow.Added, null, "empat"),
            ],
            rows);
        Assert.All(LineDiff.Compare("x\ny", "x\ny"), r => Assert.Equal(DiffRow.Same, r.Kind));
    }

    [Fact]
    public async Task ItemPage_AfterAnEditFollowingAParaf_ShowsTheDiffAgainstTheApprovedCopy()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var app = await NewsroomApp.StartAsync(database, runJobs: false);
        using var reporter = await app.LoginAsync("reporter");
        using var kasi = await app.LoginAsync("kasi");
        using var kabid = await app.LoginAsync("kabid");
        var id = await Api.CreatePressReleaseAsync(reporter, body: "Paragraf pertama.\n\nParagraf kedua.");
        await Api.ActAsync(reporter, id, "submit");
        await Api.ActAsync(kasi, id, "approve");

        using var kabidDesk = await app.SignInAsync("kabid");
        var unchanged = await kabidDesk.Http.GetStringAsync($"/admin/naskah/{id}");
        Assert.Contains("Tidak ada perubahan", unchanged, StringComparison.Ordinal);

        var edit = await kabid.PutAsJsonAsync($"/api/v1/items/{id}", new
        {
            title = "Bupati Resmikan Jembatan Raya Senilai Rp 20 Miliar",
            lead = "Bupati meresmikan Jembatan Raya yang menghubungkan dua kecamatan.",
            body = "Paragraf pertama.\n\nParagraf kedua yang diperbaiki.",
            category = "pembangunan",
            eventDate = "2026-11-20",
            eventPlace = "Kecamatan Raya",
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        // Back at the Kasi, who sees exactly what changed since his paraf.
        using var kasiDesk = await app.SignInAsync("kasi");
        var page = await kasiDesk.Http.GetStringAsync($"/admin/naskah/{id}");
        Assert.Contains("Perubahan sejak diparaf oleh Budi", page, StringComparison.Ordinal);
        Assert.Contains("<del>Judul: Bupati Resmikan Jembatan Raya</del>", page, StringComparison.Ordinal);
        Assert.Contains("<ins>Judul: Bupati Resmikan Jembatan Raya Senilai Rp 20 Miliar</ins>", page, StringComparison.Ordinal);
        Assert.Contains("<ins>Paragraf kedua yang diperbaiki.</ins>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<ins>Paragraf pertama.</ins>", page, StringComparison.Ordinal);
    }
}
