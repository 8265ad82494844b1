using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Models;

namespace Diskominfo.Newsroom.Content.Services;

/// <summary>Validates an <see cref="ItemInput"/> against its content type and builds the parts, with Indonesian messages.</summary>
internal static class ContentInputMapper
{
    private static readonly string[] MediaTypes = ["koran", "majalah", "tabloid"];
    private static readonly string[] Tones = ["positif", "netral", "negatif"];

    /// <param name="order">An order (the Kadis ordering an adventorial): only the title and the outlet are needed yet.</param>
    public static ContentParts? TryBuild(
        ContentTypeDefinition type, ItemInput input, IReadOnlyList<PhotoRef> photos, Dictionary<string, string[]> errors, bool order = false)
    {
        Require(errors, "title", input.Title, 300, "Judul");
        ArticlePart? article = null;
        ClippingPart? clipping = null;
        AdventorialPart? adventorial = null;

        if (type.Has(ContentTypeDefinition.ArticlePartName))
        {
            if (order)
            {
                Optional(errors, "lead", input.Lead, 1000, "Teras berita (lead)");
                Optional(errors, "body", input.Body, 100_000, "Isi berita");
            }
            else
            {
                Require(errors, "lead", input.Lead, 1000, "Teras berita (lead)");
                Require(errors, "body", input.Body, 100_000, "Isi berita");
            }

            // An order leaves the news type to the PPTK, who chooses it when he writes the article.
            if (string.IsNullOrWhiteSpace(input.Category) && !order)
            {
                errors["category"] = ["Jenis berita wajib dipilih."];
            }
            else if (!string.IsNullOrWhiteSpace(input.Category) && !NewsCategory.All.ContainsKey(input.Category))
            {
                errors["category"] = [$"Jenis berita '{Echo(input.Category)}' tidak dikenal. Pilihan: {string.Join(", ", NewsCategory.All.Keys)}."];
            }

            Optional(errors, "eventPlace", input.EventPlace, 200, "Tempat kegiatan");
            Optional(errors, "videoUrl", input.VideoUrl, 500, "Tautan video");
            if (!errors.ContainsKey("videoUrl") && !string.IsNullOrWhiteSpace(input.VideoUrl)
                && (!Uri.TryCreate(input.VideoUrl, UriKind.Absolute, out var video) || (video.Scheme != Uri.UriSchemeHttps && video.Scheme != Uri.UriSchemeHttp)))
            {
                errors["videoUrl"] = ["Tautan video harus berupa alamat http(s) yang lengkap."];
            }

            article = new ArticlePart(
                input.Lead?.Trim() ?? "", input.Body ?? "", input.Category ?? "", input.EventDate, Clean(input.EventPlace), Clean(input.VideoUrl));
        }

        if (type.Has(ContentTypeDefinition.ClippingPartName))
        {
            Require(errors, "outlet", input.Outlet, 200, "Nama media");
            OneOf(errors, "mediaType", input.MediaType, MediaTypes, "Jenis media");
            OneOf(errors, "tone", input.Tone, Tones, "Nada pemberitaan");
            if (input.EditionDate is null)
            {
                errors["editionDate"] = ["Tanggal terbit wajib diisi."];
            }

            Optional(errors, "page", input.Page, 20, "Halaman");
            Optional(errors, "headline", input.Headline, 300, "Judul di media");
            Optional(errors, "text", input.Text, 100_000, "Teks kliping");
            Topics(errors, input.Topics);

            clipping = new ClippingPart(
                input.Outlet?.Trim() ?? "", input.MediaType ?? "", input.EditionDate ?? default, Clean(input.Page), Clean(input.Headline),
                input.Text, input.Tone ?? "", input.Topics?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray() ?? []);
        }

        if (type.Has(ContentTypeDefinition.AdventorialPartName))
        {
            Require(errors, "outlet", input.Outlet, 200, "Nama media");
            if (input.Cost is < 0)
            {
                errors["cost"] = ["Biaya tidak boleh negatif."];
            }

            Optional(errors, "budgetLine", input.BudgetLine, 200, "Mata anggaran DPA SKPD");
            Optional(errors, "hspkReference", input.HspkReference, 200, "Rujukan HSPK");
            Optional(errors, "contractNumber", input.ContractNumber, 100, "Nomor kontrak atau pesanan");

            adventorial = new AdventorialPart(
                input.Outlet?.Trim() ?? "", input.Cost, Clean(input.BudgetLine), Clean(input.HspkReference), Clean(input.ContractNumber), input.PublicationDate);
        }

        return errors.Count > 0 ? null : new ContentParts { Article = article, Clipping = clipping, Adventorial = adventorial, Photos = photos };
    }

    /// <summary>What a stored version still lacks to be submitted (an order is saved before its article is written).</summary>
    public static IReadOnlyDictionary<string, string[]> Missing(string contentType, string title, ContentParts parts)
    {
        var errors = new Dictionary<string, string[]>();
        if (parts.Article is { } article)
        {
            TryBuild(ContentTypeDefinition.All[contentType], new ItemInput
            {
                Type = contentType, Title = title, Lead = article.Lead, Body = article.Body, Category = article.Category, VideoUrl = article.VideoUrl,
                Outlet = parts.Adventorial?.Outlet, Cost = parts.Adventorial?.Cost,
            }, parts.Photos, errors);
        }

        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What was sent, shown back in a refusal: never more than a few words of it.</summary>
    private static string Echo(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static void Topics(Dictionary<string, string[]> errors, IReadOnlyList<string>? topics)
    {
        if (topics is null)
        {
            return;
        }

        if (topics.Count > 20)
        {
            errors["topics"] = ["Topik paling banyak 20."];
        }
        else if (topics.Any(t => t?.Length > 60))
        {
            errors["topics"] = ["Setiap topik paling panjang 60 karakter."];
        }
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{label} wajib diisi."];
        }
        else
        {
            Optional(errors, field, value, max, label);
        }
    }

    private static void Optional(Dictionary<string, string[]> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = [$"{label} paling panjang {max} karakter."];
        }
    }

    private static void OneOf(Dictionary<string, string[]> errors, string field, string? value, string[] allowed, string label)
    {
        if (string.IsNullOrWhiteSpace(value) || !allowed.Contains(value))
        {
            errors[field] = [$"{label} wajib salah satu dari: {string.Join(", ", allowed)}."];
        }
    }
}
