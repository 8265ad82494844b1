using Diskominfo.Newsroom.Abstractions.Results;
using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// Checks an upload by its content, never by its name: magic bytes, then the NetVips loader must be one of
/// the allowed ones, then the declared size is checked before decoding, then the whole image is decoded
/// so that truncated or corrupt files are refused.
/// </summary>
internal static class ImageInspector
{
    private static readonly Dictionary<string, string> AllowedLoaders = new()
    {
        ["VipsForeignLoadJpegBuffer"] = "image/jpeg",
        ["VipsForeignLoadPngBuffer"] = "image/png",
        ["VipsForeignLoadWebpBuffer"] = "image/webp",
        ["jpegload_buffer"] = "image/jpeg",
        ["pngload_buffer"] = "image/png",
        ["webpload_buffer"] = "image/webp",
    };

    static ImageInspector() => VipsSettings.Apply();

    public sealed record Inspection(string ContentType, string Extension, int Width, int Height);

    public static Outcome<Inspection> Inspect(byte[] bytes, long maxPixels)
    {
        var magic = SniffMagic(bytes);
        if (magic is null)
        {
            return Refuse("Berkas bukan foto JPEG, PNG, atau WebP. Isi berkas diperiksa, bukan nama atau ekstensinya.");
        }

        string? loader;
        try
        {
            loader = Image.FindLoadBuffer(bytes);
        }
        catch (VipsException)
        {
            loader = null;
        }

        if (loader is null || !AllowedLoaders.TryGetValue(loader, out var loaderType) || loaderType != magic.Value.ContentType)
        {
            return Refuse("Format berkas tidak dikenali sebagai foto JPEG, PNG, atau WebP yang sah.");
        }

        try
        {
            using var header = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            if ((long)header.Width * header.Height > maxPixels)
            {
                return Refuse($"Foto terlalu besar: {header.Width} x {header.Height} piksel. Batasnya {maxPixels / 1_000_000} megapiksel.");
            }

            using var full = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            _ = full.Avg();
            // The size as readers see it: a portrait taken with the camera turned is stored landscape with an orientation tag.
            var turned = header.Contains("orientation") && (int)header.Get("orientation") is >= 5 and <= 8;
            return Outcome<Inspection>.Ok(new Inspection(magic.Value.ContentType, magic.Value.Extension,
                turned ? header.Height : header.Width, turned ? header.Width : header.Height));
        }
        catch (VipsException)
        {
            return Refuse("Foto rusak atau tidak lengkap (mungkin terpotong saat diunggah). Unggah ulang berkas aslinya.");
        }
    }

    private static (string ContentType, string Extension)? SniffMagic(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return ("image/jpeg", "jpg");
        }

        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("image/png", "png");
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return ("image/webp", "webp");
        }

        return null;
    }

    private static Outcome<Inspection> Refuse(string message)
        => Outcome<Inspection>.From(Outcome.Invalid(new Dictionary<string, string[]> { ["file"] = [message] }, message));
}
