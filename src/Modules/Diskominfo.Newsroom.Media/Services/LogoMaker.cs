using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Microsoft.Extensions.Options;
using NetVips;

namespace Diskominfo.Newsroom.Media.Services;

internal sealed class LogoMaker(IOptions<MediaOptions> options) : ILogoMaker
{
    public const int Height = 96;

    public Outcome<byte[]> MakeLogo(byte[] upload)
    {
        if (upload.Length > 2 * 1024 * 1024)
        {
            return Outcome<byte[]>.From(Outcome.Invalid("logo", "Berkas logo paling besar 2 MB."));
        }

        var inspection = ImageInspector.Inspect(upload, options.Value.MaxPixels);
        if (!inspection.Succeeded)
        {
            return Outcome<byte[]>.From(inspection);
        }

        using var image = Image.ThumbnailBuffer(upload, 10 * Height, height: Height, size: Enums.Size.Down);
        return Outcome<byte[]>.Ok(image.PngsaveBuffer(compression: 9, keep: Enums.ForeignKeep.None));
    }
}
