using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.EntityFrameworkCore;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// The focal point of a photo: set by whoever may edit the item, or by an editor (Kasi, Kabid, Kadis), the operator or
/// an admin at any time, also after publication. Crops made with the old point are not served again.
/// </summary>
internal sealed class FocusService(MediaDbContext db, IEditGate editGate, IItemAccess access)
{
    private const string NoFocusForDocuments = "Dokumen PDF tidak dipotong, jadi tidak punya titik fokus.";

    private static readonly string[] Editors = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis, NewsroomRoles.Operator, NewsroomRoles.Admin];

    public async Task<Outcome<MediaFile>> FindAsync(Guid mediaId, Actor actor, CancellationToken cancellationToken)
    {
        var file = await db.Files.SingleOrDefaultAsync(f => f.Id == mediaId, cancellationToken);
        if (file is null || await access.SightAsync(file.ItemId, actor, cancellationToken) != ItemSight.Work)
        {
            return Outcome<MediaFile>.From(Outcome.NotFound("Foto tidak ditemukan."));
        }

        if (!file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return Outcome<MediaFile>.From(Outcome.Invalid(new Dictionary<string, string[]> { ["file"] = [NoFocusForDocuments] }, NoFocusForDocuments));
        }

        if (!Editors.Any(actor.IsInRole) && !(await editGate.CanEditAsync(file.ItemId, actor, cancellationToken)).Succeeded)
        {
            return Outcome<MediaFile>.From(Outcome.Forbidden("Titik fokus hanya dapat diatur oleh penulis naskah yang masih dapat menyuntingnya, penyunting, operator, atau admin."));
        }

        return Outcome<MediaFile>.Ok(file);
    }

    public async Task<Outcome> SetAsync(Guid mediaId, double? x, double? y, Actor actor, CancellationToken cancellationToken)
    {
        var found = await FindAsync(mediaId, actor, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var errors = new Dictionary<string, string[]>();
        if (x is null != y is null)
        {
            errors["x"] = ["Isi kedua koordinat titik fokus, atau kosongkan keduanya untuk kembali ke potongan otomatis."];
        }

        if (x is < 0 or > 1 or double.NaN)
        {
            errors["x"] = ["Titik fokus mendatar harus antara 0 (tepi kiri) dan 1 (tepi kanan)."];
        }

        if (y is < 0 or > 1 or double.NaN)
        {
            errors["y"] = ["Titik fokus tegak harus antara 0 (tepi atas) dan 1 (tepi bawah)."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors, errors.Values.First()[0]);
        }

        var file = found.Value!;
        (file.FocusX, file.FocusY) = (x is null ? null : Math.Round(x.Value, 3), y is null ? null : Math.Round(y.Value, 3));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok();
    }
}
