using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>The Media module's checks by content, for files other modules keep.</summary>
internal sealed class FileInspector(IOptions<MediaOptions> options) : IFileInspector
{
    public long MaxBytes => options.Value.MaxBytes;

    public Outcome<InspectedFile> Inspect(byte[] bytes, bool allowPdf)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return Outcome<InspectedFile>.From(Outcome.Invalid("file", "Berkas kosong."));
        }

        if (bytes.Length > MaxBytes)
        {
            return Outcome<InspectedFile>.From(Outcome.Invalid("file",
                $"Berkas terlalu besar ({bytes.Length / 1024 / 1024} MB). Batasnya {MaxBytes / 1024 / 1024} MB."));
        }

        if (DocumentInspector.LooksLikePdf(bytes) && !allowPdf)
        {
            return Outcome<InspectedFile>.From(Outcome.Invalid("file", "Hanya foto JPEG, PNG, atau WebP yang diterima di sini."));
        }

        var inspection = DocumentInspector.LooksLikePdf(bytes)
            ? DocumentInspector.Inspect(bytes)
            : ImageInspector.Inspect(bytes, options.Value.MaxPixels);
        return inspection.Succeeded
            ? Outcome<InspectedFile>.Ok(new InspectedFile(inspection.Value!.ContentType, inspection.Value.Extension, inspection.Value.Width, inspection.Value.Height))
            : Outcome<InspectedFile>.From(inspection);
    }
}
