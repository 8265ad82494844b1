using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Theme.Pages;

/// <summary>The HTML error page for people: re-executed for bare status codes and for failures on pages.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class GalatModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    // The status is read from the route, not bound: model binding gives up on every value when the re-executed request's
    // form cannot be read (a NUL in a url-encoded field), and the 400 would turn into a 404.
    public IActionResult OnGet() => Show(RouteStatus());

    public IActionResult OnPost() => Show(RouteStatus());

    private int? RouteStatus()
        => int.TryParse(RouteData.Values["status"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status) ? status : null;

    private PageResult Show(int? status)
    {
        (int Status, string Detail)? failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error
            ? NewsroomExceptionHandler.Describe(error)
            : null;
        var code = failure?.Status ?? status ?? StatusCodes.Status404NotFound;
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        (Title, Detail) = Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("Permintaan tidak valid", HttpContext.Items[RequestLimits.DetailItem] as string ?? "Data yang dikirim tidak dapat diproses. Periksa isian Anda lalu coba lagi."),
            StatusCodes.Status401Unauthorized => ("Silakan masuk", "Halaman ini hanya untuk pengguna yang sudah masuk."),
            StatusCodes.Status403Forbidden => ("Tidak diizinkan", HttpContext.Items[RequestLimits.DetailItem] as string ?? "Peran Anda tidak berwenang membuka halaman ini."),
            StatusCodes.Status404NotFound => ("Halaman tidak ditemukan", "Halaman yang Anda cari tidak ada atau sudah dipindahkan."),
            StatusCodes.Status405MethodNotAllowed => ("Metode tidak diizinkan", "Alamat ini tidak menerima permintaan seperti itu."),
            StatusCodes.Status409Conflict => ("Data baru saja berubah", "Data ini baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi."),
            StatusCodes.Status413PayloadTooLarge => ("Berkas terlalu besar", HttpContext.Items[RequestLimits.DetailItem] as string ?? "Berkas atau data yang dikirim melebihi batas ukuran."),
            StatusCodes.Status503ServiceUnavailable => ("Layanan sedang tidak tersedia", failure?.Detail ?? "Layanan sedang tidak tersedia; coba lagi dalam beberapa detik."),
            _ => ("Terjadi kesalahan", failure?.Detail ?? "Terjadi kesalahan pada server. Pekerjaan Anda yang sudah tersimpan tidak hilang; coba lagi sebentar lagi."),
        };
        return Page();
    }
}
