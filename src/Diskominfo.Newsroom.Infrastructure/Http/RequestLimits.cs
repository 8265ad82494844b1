using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>The request-body limits the site applies (see <see cref="RequestLimitsMiddleware"/>).</summary>
public static class RequestLimits
{
    /// <summary>The body limit of every endpoint that sets none of its own: JSON and forms of text (an item's 100,000-character body fits).</summary>
    public const long DefaultMaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>An <see cref="HttpContext.Items"/> key holding the Indonesian explanation of a refused body, for the error page.</summary>
    public const string DetailItem = "newsroom.request-limit.detail";

    public const string FormRefusal =
        "Formulir yang dikirim tidak dapat dibaca: terlalu banyak isian atau berkas, atau ada isian atau berkas yang melebihi batas ukurannya.";

    public static string TooLarge(long max)
        => $"Berkas atau data yang dikirim terlalu besar: paling besar {Size(max)} sekali kirim. Tidak ada yang disimpan dari kiriman ini.";

    public static string FileTooLarge(long max)
        => $"Berkas yang dikirim terlalu besar: paling besar {Size(max)} per berkas. Tidak ada yang disimpan dari kiriman ini.";

    /// <summary>A size as people say it: <c>25 MB</c>, <c>512 KB</c>.</summary>
    public static string Size(long bytes)
        => bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.GetCultureInfo("id-ID")) + " MB"
            : (bytes / 1024.0).ToString("0", CultureInfo.GetCultureInfo("id-ID")) + " KB";
}
