using System.Text;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Photo uploads in pieces (the tus 1.0.0 protocol: creation, offset, append, termination). The uploader must be able to
/// edit the item when the upload is created and again when it is complete; only its creator touches an upload; once
/// every byte is in, the file goes through the same checks as any upload and is attached to the item, and the outcome
/// (the photo, or the refusal) stays readable until the upload expires.
/// </summary>
internal sealed class ResumableUploadService(
    PartialUploadStore store, IEditGate editGate, IItemMediaIntake intake, IOptions<MediaOptions> options, TimeProvider clock)
{
    /// <summary>How long a partial upload is kept (<c>Newsroom:Media:PartialUploadHours</c>, 24 by default).</summary>
    public TimeSpan Lifetime => TimeSpan.FromHours(Math.Clamp(options.Value.PartialUploadHours, 1, 24 * 7));

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The refusal of a declared size over the limit (413), or null.</summary>
    public string? TooLarge(long length) => length > MaxBytes
        ? $"Berkas terlalu besar ({length / 1024.0 / 1024.0:0.#} MB). Batasnya {MaxBytes / 1024 / 1024} MB."
        : null;

    public async Task<Outcome<PartialUpload>> CreateAsync(long length, string? metadataHeader, Actor actor, CancellationToken cancellationToken)
    {
        if (length <= 0)
        {
            return Outcome<PartialUpload>.From(Outcome.Invalid("Upload-Length", "Berkas kosong: Upload-Length harus lebih dari 0."));
        }

        var metadata = ParseMetadata(metadataHeader);
        if (metadata is null)
        {
            return Outcome<PartialUpload>.From(Outcome.Invalid("Upload-Metadata", "Upload-Metadata tidak dapat dibaca: pasangan kunci dan nilai base64 dipisah koma."));
        }

        if (!Guid.TryParse(metadata.GetValueOrDefault("itemId"), out var itemId))
        {
            return Outcome<PartialUpload>.From(Outcome.Invalid("itemId", "Upload-Metadata harus memuat itemId (id naskah)."));
        }

        var caption = metadata.GetValueOrDefault("caption");
        var credit = metadata.GetValueOrDefault("credit");
        if (caption?.Length > 1000 || credit?.Length > 200)
        {
            return Outcome<PartialUpload>.From(Outcome.Invalid(caption?.Length > 1000 ? "caption" : "credit",
                caption?.Length > 1000 ? "Keterangan foto paling panjang 1000 karakter." : "Nama fotografer paling panjang 200 karakter."));
        }

        var gate = await editGate.CanEditAsync(itemId, actor, cancellationToken);
        if (!gate.Succeeded)
        {
            return Outcome<PartialUpload>.From(gate);
        }

        var now = clock.GetUtcNow();
        var upload = new PartialUpload
        {
            Id = Guid.CreateVersion7(now),
            Owner = actor.UserId,
            ItemId = itemId,
            FileName = metadata.GetValueOrDefault("filename") is { Length: > 0 } name ? name : "foto.jpg",
            Caption = caption,
            Credit = credit,
            Length = length,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        await store.SaveAsync(upload, cancellationToken);
        return Outcome<PartialUpload>.Ok(upload);
    }

    /// <summary>The creator's upload, still within its lifetime.</summary>
    public async Task<Outcome<PartialUpload>> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var upload = await store.FindAsync(id, cancellationToken);
        if (upload is null)
        {
            return Outcome<PartialUpload>.From(Outcome.NotFound("Unggahan tidak ditemukan; mulai unggah ulang."));
        }

        if (upload.Owner != actor.UserId)
        {
            return Outcome<PartialUpload>.From(Outcome.Forbidden("Unggahan ini milik pengguna lain."));
        }

        return upload.ExpiresAt <= clock.GetUtcNow()
            ? Outcome<PartialUpload>.From(Outcome.NotFound("Unggahan sudah kedaluwarsa (disimpan paling lama 24 jam); mulai unggah ulang."))
            : Outcome<PartialUpload>.Ok(upload);
    }

    public Task<long> OffsetAsync(PartialUpload upload, CancellationToken cancellationToken) => store.OffsetAsync(upload, cancellationToken);

    /// <summary>
    /// Appends a piece at <paramref name="offset"/>; when it completes the upload, the file is checked and attached
    /// (the edit right checked again). A piece cut midway keeps what arrived.
    /// </summary>
    public async Task<Outcome<PartialUpload>> AppendAsync(
        Guid id, long offset, long? contentLength, Stream body, Actor actor, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, actor, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        await using var writer = await store.LockAsync(id, cancellationToken);
        if (writer is null)
        {
            return Outcome<PartialUpload>.From(Outcome.Conflict("Unggahan ini sedang menerima data dari permintaan lain; coba lagi sebentar lagi."));
        }

        // Read again under the lock: a piece that finished meanwhile may have completed it.
        var upload = (await store.FindAsync(id, cancellationToken))!;
        var current = await store.OffsetAsync(upload, cancellationToken);
        if (upload.IsFinished)
        {
            return Outcome<PartialUpload>.Ok(upload);
        }

        if (offset != current)
        {
            return Outcome<PartialUpload>.From(Outcome.Conflict($"Upload-Offset {offset} tidak sesuai: server sudah menerima {current} byte. Tanyakan posisinya (HEAD) lalu lanjutkan."));
        }

        if (offset + contentLength > upload.Length)
        {
            return Outcome<PartialUpload>.From(Outcome.Invalid("Upload-Offset", $"Potongan ini melewati panjang berkas yang dinyatakan ({upload.Length} byte)."));
        }

        var (_, overflow, cut) = await store.AppendAsync(id, offset, body, upload.Length - offset, cancellationToken);
        if (overflow)
        {
            return Outcome<PartialUpload>.From(Outcome.Invalid("Upload-Length", $"Data yang dikirim melebihi panjang berkas yang dinyatakan ({upload.Length} byte)."));
        }

        if (cut || await store.OffsetAsync(upload, CancellationToken.None) < upload.Length)
        {
            return Outcome<PartialUpload>.Ok(upload);
        }

        return Outcome<PartialUpload>.Ok(await CompleteAsync(upload, actor, cancellationToken));
    }

    private async Task<PartialUpload> CompleteAsync(PartialUpload upload, Actor actor, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAllAsync(upload.Id, cancellationToken);
        var attached = await intake.AddAsync(upload.ItemId, bytes, upload.FileName, upload.Caption, upload.Credit, actor, CancellationToken.None);
        if (attached.Succeeded)
        {
            upload.MediaId = attached.Value!.MediaId;
        }
        else
        {
            upload.RefusalStatus = OutcomeResults.StatusOf(attached).Status;
            upload.Refusal = attached.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(e => e)) : attached.Message;
        }

        await store.SaveAsync(upload, CancellationToken.None);
        await store.DeleteDataAsync(upload.Id, CancellationToken.None);
        return upload;
    }

    public async Task<Outcome> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, actor, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        await using var writer = await store.LockAsync(id, cancellationToken);
        await store.DeleteAsync(id, cancellationToken);
        return Outcome.Ok();
    }

    /// <summary><c>Upload-Metadata</c>: comma separated pairs of a key and its value in base64 (UTF-8); null when unreadable.</summary>
    public static Dictionary<string, string>? ParseMetadata(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(' ', 2, StringSplitOptions.TrimEntries);
            try
            {
                result[parts[0]] = parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : "";
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return result;
    }
}
