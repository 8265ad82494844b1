using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Text;
using Diskominfo.Newsroom.Media.Data;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Takes an upload: the item must be editable by the uploader, the file is checked by content, stored under
/// a generated name and attached to the item's working version. A refused file changes nothing.
/// </summary>
internal sealed partial class UploadService(
    MediaDbContext db,
    NewsroomDatabase database,
    MediaStorage storage,
    IEditGate editGate,
    IContentEditor content,
    IContentCatalog catalog,
    IOptions<MediaOptions> options,
    ScanImages scanImages,
    TimeProvider clock,
    ILogger<UploadService> logger) : IItemMediaIntake
{
    public sealed record Upload(byte[] Bytes, string FileName, string? Caption, string? Credit);

    /// <summary>
    /// A file from a multipart form (the API's or the desk's), read into memory to be checked whole: only once the
    /// uploader may edit the item and its size and the texts beside it are within their limits.
    /// </summary>
    public async Task<Outcome<MediaFile>> UploadAsync(
        Guid itemId, IFormFile file, string? caption, string? credit, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await RefusalAsync(itemId, caption, credit, file.Length, actor, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await StoreAsync(itemId, new Upload(buffer.ToArray(), file.FileName, caption, credit), actor, cancellationToken);
    }

    public async Task<Outcome<MediaFile>> UploadAsync(Guid itemId, Upload upload, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return await RefusalAsync(itemId, upload.Caption, upload.Credit, upload.Bytes.Length, actor, cancellationToken)
            ?? await StoreAsync(itemId, upload, actor, cancellationToken);
    }

    public async Task<Outcome<PhotoRef>> AddAsync(
        Guid itemId, byte[] bytes, string fileName, string? caption, string? credit, Actor actor, CancellationToken cancellationToken)
    {
        var stored = await UploadAsync(itemId, new Upload(bytes, fileName, caption, credit), actor, cancellationToken);
        return stored.Succeeded
            ? Outcome<PhotoRef>.Ok(new PhotoRef(stored.Value!.Id, stored.Value.Sha256, stored.Value.ContentType, stored.Value.Width, stored.Value.Height, Clean(caption), Clean(credit)))
            : Outcome<PhotoRef>.From(stored);
    }

    private async Task<Outcome<MediaFile>?> RefusalAsync(Guid itemId, string? caption, string? credit, long size, Actor actor, CancellationToken cancellationToken)
    {
        var gate = await editGate.CanEditAsync(itemId, actor, cancellationToken);
        if (!gate.Succeeded)
        {
            return Outcome<MediaFile>.From(gate);
        }

        var errors = Check(caption, credit, size);
        return errors.Count > 0 ? Outcome<MediaFile>.From(Outcome.Invalid(errors)) : null;
    }

    private async Task<Outcome<MediaFile>> StoreAsync(Guid itemId, Upload upload, Actor actor, CancellationToken cancellationToken)
    {
        Outcome<ImageInspector.Inspection> inspection;
        var type = (await catalog.GetLatestAsync(itemId, cancellationToken))?.ContentType;
        if (DocumentInspector.LooksLikePdf(upload.Bytes))
        {
            // Scans and documents in PDF belong to clippings and adventorials; a press release carries photos.
            if (type is not (ContentTypes.Clipping or ContentTypes.Adventorial))
            {
                return Outcome<MediaFile>.From(Outcome.Invalid("file",
                    "Siaran pers hanya menerima foto JPEG, PNG, atau WebP. PDF diterima untuk pindaian kliping dan berkas adventorial."));
            }

            inspection = DocumentInspector.Inspect(upload.Bytes);
        }
        else
        {
            inspection = ImageInspector.Inspect(upload.Bytes, options.Value.MaxPixels);
        }

        if (!inspection.Succeeded)
        {
            return Outcome<MediaFile>.From(inspection);
        }

        var now = clock.GetUtcNow();
        var info = inspection.Value!;
        var file = new MediaFile
        {
            Id = Guid.CreateVersion7(now),
            ItemId = itemId,
            OriginalName = FileName(upload.FileName),
            ContentType = info.ContentType,
            Size = upload.Bytes.Length,
            Width = info.Width,
            Height = info.Height,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Bytes)),
            UploadedBy = actor.UserId,
            UploadedAt = now,
            Caption = Clean(upload.Caption),
            Credit = Clean(upload.Credit),
        };
        file.StoragePath = await storage.SaveOriginalAsync(file.Id, info.Extension, info.ContentType, upload.Bytes, now, cancellationToken);
        try
        {
            var photo = new PhotoRef(file.Id, file.Sha256, file.ContentType, file.Width, file.Height, Clean(upload.Caption), Clean(upload.Credit));
            var attached = await database.InTransactionAsync(async ct =>
            {
                var outcome = await content.AttachPhotoAsync(itemId, photo, actor, ct);
                if (outcome.Succeeded)
                {
                    db.Files.Add(file);
                    db.Links.Add(new ItemPhotoLink { ItemId = itemId, MediaId = file.Id, LinkedAt = now, LinkedBy = actor.UserId });
                    await db.SaveChangesAsync(ct);
                }

                return outcome;
            }, cancellationToken);
            if (!attached.Succeeded)
            {
                await storage.DeleteAsync(file.StoragePath, CancellationToken.None);
                return Outcome<MediaFile>.From(attached);
            }
        }
        catch
        {
            await storage.DeleteAsync(file.StoragePath, CancellationToken.None);
            throw;
        }

        if (type == ContentTypes.Clipping && !database.InTransaction)
        {
            // A clipping's scan is printed in the month's clipping book: its print rendition is made now, once, so the
            // book does not decode hundreds of page-size scans while the Kasi waits. Outside the transaction, and whole
            // even when the uploader has gone: the upload is saved by now (inside a caller's transaction the book makes it).
            try
            {
                await scanImages.PrepareAsync(file, Math.Clamp(options.Value.ScanPrintPixels, 400, 4000), CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The upload is saved; the print rendition only spares the book work (a store that failed now: the
                // book makes it then).
                LogPrintRenditionFailed(logger, e, file.Id);
            }
        }

        return Outcome<MediaFile>.Ok(file);
    }

    /// <summary>A caption or credit, trimmed, without control characters or bidirectional overrides; null when empty.</summary>
    private static string? Clean(string? value) => UntrustedText.Clean(value) is { } clean && !string.IsNullOrWhiteSpace(clean) ? clean.Trim() : null;

    /// <summary>
    /// The uploaded file's own name (offered again when a document is downloaded): its last segment whichever the
    /// separator (a browser on Windows sends backslashes, which are no separator on Linux), without control characters
    /// or leading dots ("...pdf" becomes "berkas.pdf"). The file itself is stored under a name the site chooses.
    /// </summary>
    private static string FileName(string name)
    {
        var clean = new string((UntrustedText.Clean(name) ?? "").Where(c => !char.IsControl(c)).ToArray());
        var bare = clean[(clean.LastIndexOfAny(['/', '\\', ':']) + 1)..].Trim().TrimStart('.');
        bare = bare.Length > 300 ? bare[..300] : bare;
        return bare.Contains('.', StringComparison.Ordinal) ? bare : bare.Length == 0 ? "berkas" : "berkas." + bare;
    }

    private Dictionary<string, string[]> Check(string? caption, string? credit, long size)
    {
        var errors = new Dictionary<string, string[]>();
        if (caption?.Length > 1000)
        {
            errors["caption"] = ["Keterangan foto paling panjang 1000 karakter."];
        }

        if (credit?.Length > 200)
        {
            errors["credit"] = ["Nama fotografer paling panjang 200 karakter."];
        }

        if (size == 0)
        {
            errors["file"] = ["Berkas kosong."];
        }
        else if (size > options.Value.MaxBytes)
        {
            errors["file"] = [$"Berkas terlalu besar ({size / 1024 / 1024} MB). Batasnya {options.Value.MaxBytes / 1024 / 1024} MB."];
        }

        return errors;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The print rendition of scan {MediaId} was not made at upload")]
    private static partial void LogPrintRenditionFailed(ILogger logger, Exception exception, Guid mediaId);
}
