using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>What the create and edit pages share: the form, its errors, the Markdown preview.</summary>
internal abstract class ArticleFormPage : PageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public string? PreviewHtml { get; protected set; }

    /// <summary>
    /// Where the browser keeps what is typed while offline or when saving fails: per user and per item (or per new
    /// item's type), so that two people sharing a phone never see each other's copy.
    /// </summary>
    public string DraftKey(string subject) => $"{Abstractions.Security.Actor.FromPrincipal(User)?.UserId}:{subject}";

    /// <summary>
    /// Values the browser sent that could not be read at all (a malformed date) refuse the form with field errors,
    /// never a crash; null when everything could be read.
    /// </summary>
    protected PageResult? RefuseUnreadable()
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var field = key.Replace("Form.", "", StringComparison.Ordinal);
            var message = field switch
            {
                nameof(ArticleForm.EventDate) => "Tanggal kegiatan tidak valid; gunakan format tahun-bulan-tanggal.",
                nameof(ArticleForm.EditionDate) => "Tanggal terbit tidak valid; gunakan format tahun-bulan-tanggal.",
                nameof(ArticleForm.PublicationDate) => "Tanggal tayang tidak valid; gunakan format tahun-bulan-tanggal.",
                nameof(ArticleForm.Cost) => "Biaya harus berupa angka rupiah tanpa titik, misalnya 2500000.",
                _ => $"Isian {field} tidak dapat dibaca.",
            };
            Errors.Add(char.ToLowerInvariant(field[0]) + field[1..], message);
        }

        if (!Errors.Any)
        {
            return null;
        }

        // Show the other fields' errors too, not one round trip per mistake.
        Errors.AddAll(Services.ContentService.Validate(Form.ToInput()));
        return Refused(Outcome.Invalid(new Dictionary<string, string[]>(), "Periksa kembali isian berikut."));
    }

    /// <summary>Shows the form again with the refusal, under the refusal's HTTP status.</summary>
    protected PageResult Refused(Outcome outcome)
    {
        Errors.Summary = outcome.Message;
        Errors.AddAll(outcome.Errors);
        return Page().WithStatusOf(outcome);
    }
}
