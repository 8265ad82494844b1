using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Search.Endpoints;

internal static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/search", SearchAsync).RequireAuthorization(NewsroomPolicies.ApiStaff).WithTags("Search")
            .WithSummary("Pencarian teks penuh berbahasa Indonesia atas kliping, siaran pers dan adventorial, dengan cuplikan, saringan dan faset.");
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        HttpContext http, ISearchEngine engine, CancellationToken cancellationToken,
        string? q = null, string? type = null, string? outlet = null, string? mediaType = null, string? category = null, string? tone = null,
        string? classification = null, string? from = null, string? to = null, string? sort = null, string? page = null, string? pageSize = null)
    {
        var parsed = SearchInput.Parse(q, type, outlet, mediaType, category, tone, classification, from, to, sort, page, pageSize);
        if (!parsed.Succeeded)
        {
            return OutcomeResults.Problem(parsed);
        }

        var results = await engine.SearchAsync(parsed.Value!, Actor.FromPrincipal(http.User), cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            results.Items.Select(h => new SearchItem(
                h.ItemId, h.Type, h.Title, h.SnippetHtml, h.Date, h.Status, h.Outlet, h.MediaType, h.Category, h.Tone, h.ArchiveNumber,
                h.Classification, h.Slug is null ? null : $"/berita/{h.Slug}", h.Score)).ToList(),
            results.Facets,
            results.Total,
            results.Page,
            results.PageSize));
    }
}

/// <summary>The query string of a search, read and checked; every refusal says in Indonesian what to send instead.</summary>
internal static class SearchInput
{
    public const int MaxPage = 500;

    private static readonly string[] MediaTypes = ["koran", "majalah", "tabloid"];
    private static readonly string[] Tones = ["positif", "netral", "negatif"];

    public static Outcome<SearchRequest> Parse(
        string? q, string? type, string? outlet, string? mediaType, string? category, string? tone, string? classification,
        string? from, string? to, string? sort, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > 500 })
        {
            errors["q"] = ["Kata kunci paling panjang 500 karakter."];
        }

        OneOf(errors, "type", type, ContentTypes.All, "Jenis naskah");
        OneOf(errors, "mediaType", mediaType, MediaTypes, "Jenis media");
        OneOf(errors, "tone", tone, Tones, "Nada pemberitaan");
        OneOf(errors, "category", category, NewsCategory.All.Keys, "Kategori");
        var fromDate = Date(errors, "from", from);
        var toDate = Date(errors, "to", to);
        if (fromDate > toDate)
        {
            errors["to"] = ["Tanggal akhir (to) tidak boleh sebelum tanggal awal (from)."];
        }

        SearchSort order = SearchSort.Relevance;
        switch (sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance" or "relevansi":
                break;
            case "date" or "newest" or "terbaru":
                order = SearchSort.Newest;
                break;
            case "oldest" or "terlama":
                order = SearchSort.Oldest;
                break;
            default:
                errors["sort"] = ["Urutan harus relevance, newest (date) atau oldest."];
                break;
        }

        var pageNumber = Number(errors, "page", page, 1, 1, MaxPage, $"Halaman harus bilangan 1 sampai {MaxPage}.");
        var size = Number(errors, "pageSize", pageSize, 20, 1, 100, "Jumlah per halaman harus bilangan 1 sampai 100.");
        if (errors.Count > 0)
        {
            return Outcome<SearchRequest>.From(Outcome.Invalid(errors, "Permintaan pencarian tidak valid."));
        }

        return Outcome<SearchRequest>.Ok(new SearchRequest(
            Blank(q), Blank(type), Blank(outlet), Blank(mediaType), Blank(category), Blank(tone), Blank(classification), fromDate, toDate, order, pageNumber, size));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void OneOf(Dictionary<string, string[]> errors, string field, string? value, IEnumerable<string> allowed, string label)
    {
        if (!string.IsNullOrWhiteSpace(value) && !allowed.Contains(value.Trim(), StringComparer.Ordinal))
        {
            errors[field] = [$"{label} '{value}' tidak dikenal; pilih salah satu: {string.Join(", ", allowed)}."];
        }
    }

    private static DateOnly? Date(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"Tanggal '{value}' tidak dikenali; gunakan TTTT-BB-HH, misalnya 2026-11-23."];
        return null;
    }

    private static int Number(Dictionary<string, string[]> errors, string field, string? value, int fallback, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[field] = [message];
        return fallback;
    }
}

internal sealed record SearchResponse(
    IReadOnlyList<SearchItem> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, int Total, int Page, int PageSize);

internal sealed record SearchItem(
    Guid Id, string Type, string Title, string Snippet, DateOnly Date, string Status, string? Outlet, string? MediaType, string? Category,
    string? Tone, string? ArchiveNumber, string? Classification, string? Url, float Score);
