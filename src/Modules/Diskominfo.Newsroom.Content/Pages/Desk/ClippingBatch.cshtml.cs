using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Content.Models;
using Diskominfo.Newsroom.Content.Services;
using Diskominfo.Newsroom.Infrastructure.Data;
using Diskominfo.Newsroom.Infrastructure.Http;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>
/// Clipping intake at volume: the scanned pages of one edition at once, one draft clipping per page with its scan.
/// With tesseract installed each scan's text is recognised in the background and put into its draft, where the
/// writer corrects it; without it, the writer types or pastes the text. A scan that is refused keeps its draft.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
[EnableRateLimiting(MediaRateLimits.Upload)]
[RequestSizeLimit(MaxTotalBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes, ValueCountLimit = MaxFiles + 24)]
internal sealed class ClippingBatchModel(
    ContentService content, IScanIntake scans, ITextRecognizer recognizer, IBackgroundJobClient jobs, OcrBacklog backlog, NewsroomDatabase database,
    ItemSections sections)
    : PageModel
{
    public const int MaxFiles = 40;

    /// <summary>One scan at most (the Media module's default limit for any file).</summary>
    public const long MaxFileBytes = 25L * 1024 * 1024;

    /// <summary>
    /// A whole batch at most: forty pages scanned at 300 dpi are some 2 to 5 MB each. The request is held to it before
    /// it is read; each file to <see cref="MaxFileBytes"/> while it is read; the count before anything is saved.
    /// </summary>
    public const long MaxTotalBytes = 200L * 1024 * 1024;

    [BindProperty]
    public string? Outlet { get; set; }

    [BindProperty]
    public string? MediaType { get; set; } = "koran";

    [BindProperty]
    public string? EditionDate { get; set; }

    [BindProperty]
    public string? Tone { get; set; } = "netral";

    [BindProperty]
    public string? Topics { get; set; }

    [BindProperty]
    public List<IFormFile> Berkas { get; set; } = [];

    /// <summary>The clippings' seksi, chosen when the writer belongs to none.</summary>
    [BindProperty]
    public Guid? Section { get; set; }

    public IReadOnlyList<Abstractions.Organization.OrgSection> SectionChoices { get; private set; } = [];

    public bool OcrAvailable => recognizer.IsAvailable;

    public IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    public IReadOnlyList<BatchLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        if (!ContentService.MayAuthor(actor))
        {
            return Forbid();
        }

        SectionChoices = await sections.ChoicesAsync(actor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(User)!;
        if (!ContentService.MayAuthor(actor))
        {
            return Forbid();
        }

        SectionChoices = await sections.ChoicesAsync(actor, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if ((await sections.ResolveAsync(actor, Section, order: false, cancellationToken)).Error is { } sectionError)
        {
            errors["Section"] = [sectionError];
        }

        var files = Berkas.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count == 0)
        {
            errors["Berkas"] = ["Pilih berkas pindaian (JPEG, PNG, WebP atau PDF), satu per halaman."];
        }
        else if (files.Count > MaxFiles)
        {
            errors["Berkas"] = [$"Paling banyak {MaxFiles} pindaian sekali unggah; bagi menjadi beberapa kali."];
        }
        else if (files.Sum(f => f.Length) > MaxTotalBytes)
        {
            errors["Berkas"] = [$"Semua pindaian sekali unggah paling besar {MaxTotalBytes / 1024 / 1024} MB; bagi menjadi beberapa kali."];
        }

        DateOnly? edition = null;
        if (!string.IsNullOrWhiteSpace(EditionDate))
        {
            if (DateOnly.TryParseExact(EditionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                edition = date;
            }
            else
            {
                errors["EditionDate"] = [$"Tanggal terbit '{EditionDate}' tidak dikenali; gunakan TTTT-BB-HH."];
            }
        }

        // The common fields are checked as the first clipping would be, before anything is saved.
        var input = Input(edition, 1, files.FirstOrDefault()?.FileName ?? "");
        foreach (var (field, messages) in ContentService.Validate(input).Where(e => e.Key is not "title"))
        {
            errors[char.ToUpperInvariant(field[0]) + field[1..]] = messages;
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            return Page().WithStatusOf(Outcome.Invalid(errors));
        }

        var lines = new List<BatchLine>();
        foreach (var (file, index) in files.Select((f, i) => (f, i + 1)))
        {
            var created = await content.CreateAsync(Input(edition, index, file.FileName), actor, cancellationToken);
            if (!created.Succeeded)
            {
                lines.Add(new BatchLine(file.FileName, null, created.Message ?? "Draf tidak dapat dibuat.", false));
                continue;
            }

            var itemId = created.Value!.ItemId;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var attached = await scans.AttachAsync(itemId, buffer.ToArray(), file.FileName, $"Pindaian {file.FileName}", actor, cancellationToken);
            if (!attached.Succeeded)
            {
                var why = attached.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? attached.Message ?? "Berkas ditolak.";
                lines.Add(new BatchLine(file.FileName, itemId, $"Pindaian ditolak: {why} Drafnya tetap tersimpan; unggah ulang pindaiannya di halaman draf.", false));
                continue;
            }

            // The scans waiting for their text are bounded (those of this batch already count): beyond, this one's text is typed.
            var ocr = recognizer.IsAvailable && backlog.HasRoomFor(1);
            if (ocr)
            {
                var mediaId = attached.Value;
                await database.AfterCommitAsync(() =>
                {
                    jobs.Enqueue<ClippingOcrJob>(job => job.RunAsync(itemId, mediaId, CancellationToken.None));
                    return Task.CompletedTask;
                });
            }

            var note = ocr
                ? "Tersimpan; teks sedang dikenali (OCR), periksa dan perbaiki di drafnya."
                : recognizer.IsAvailable
                    ? "Tersimpan; antrean pengenalan teks (OCR) sedang penuh, jadi ketik atau tempel teksnya di drafnya."
                    : "Tersimpan; ketik atau tempel teksnya di drafnya.";
            lines.Add(new BatchLine(file.FileName, itemId, note, true));
        }

        Lines = lines;
        return Page();
    }

    private ItemInput Input(DateOnly? edition, int index, string fileName) => new()
    {
        Type = ContentTypes.Clipping,
        Section = Section,
        Title = Title(edition, index, fileName),
        Outlet = Outlet?.Trim(),
        MediaType = MediaType,
        EditionDate = edition,
        Page = index.ToString(CultureInfo.InvariantCulture),
        Tone = Tone,
        Topics = (Topics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    private string Title(DateOnly? edition, int index, string fileName)
    {
        var title = $"{Outlet?.Trim()} {edition?.ToString("d MMM yyyy", Abstractions.Text.IndonesianTime.Culture)}, pindaian {index} ({Path.GetFileNameWithoutExtension(fileName)})";
        return title.Length > 200 ? title[..200] : title;
    }
}

internal sealed record BatchLine(string FileName, Guid? ItemId, string Message, bool Succeeded);
