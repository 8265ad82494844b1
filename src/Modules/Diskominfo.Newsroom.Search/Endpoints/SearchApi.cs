using System.Globalization;
using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Search.Index;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Diskominfo.Newsroom.Search.Endpoints;

internal static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/search", SearchAsync).RequireAuthorization(NewsroomPolicies.ApiStaff).RequireRateLimiting(SearchRateLimits.PublicSearch).WithTags("Search")
            .WithSummary("Pencarian teks penuh berbahasa Indonesia atas kliping, siaran pers dan adventorial, dengan cuplikan, saringan dan faset.");
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        HttpContext http, ISearchEngine engine, CancellationToken cancellationToken,
        string? q = null, string? type = null, string? outlet = null, string? mediaType = null, string? category = null, string? tone = null,
        string? classification = null, string? from = null, string? to = null, string? sort = null, string? page = null, string? pageSize = null)
    {
        var parsed = SearchInput.Parse(new SearchForm(q, type, outlet, mediaType, category, tone, classification, from, to, sort, page, pageSize));
        if (!parsed.Succeeded)
        {
            return OutcomeResults.Problem(parsed);
        }

        var results = await engine.SearchAsync(parsed.Value!, Actor.FromPrincipal(http.User), cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            results.Items.Select(h => new SearchItem(
                h.ItemId, h.Type, h.Title, h.SnippetHtml, h.Date, h.Status, h.Outlet, h.MediaType, h.Category, h.Tone, h.ArchiveNumber,
                h.Classification, h.Slug is null ? null : Abstractions.Content.ArticleAddress.Path(h.Slug), h.Score)).ToList(),
            results.Facets,
            results.Total,
            results.Page,
            results.PageSize,
            results.Partial));
    }
}

/// <summary>
/// The query string of a search, read and checked against <see cref="SearchLimits"/>; every refusal says in Indonesian
/// what to send instead, under the field's name.
/// </summary>
internal sealed class SearchInput : ISearchInput
{
    private static readonly string[] MediaTypes = ["koran", "majalah", "tabloid"];
    private static readonly string[] Tones = ["positif", "netral", "negatif"];

    public Outcome<SearchRequest> Read(SearchForm form) => Parse(form);

    public static Outcome<SearchRequest> Parse(SearchForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var q = form.Q;
        if (q is { Length: > SearchLimits.MaxQueryLength })
        {
            errors["q"] = [$"Kata kunci paling panjang {SearchLimits.MaxQueryLength} karakter; yang dikirim {q.Length} karakter."];
        }
        else if (!string.IsNullOrWhiteSpace(q) && NewsroomQueryParser.Read(q).WordCount is var words && words > SearchLimits.MaxWords)
        {
            errors["q"] = [$"Kata kunci paling banyak {SearchLimits.MaxWords} kata (setiap kata dalam frasa dihitung); yang dikirim {words} kata."];
        }

        OneOf(errors, "type", form.Type, ContentTypes.All, "Jenis naskah");
        OneOf(errors, "mediaType", form.MediaType, MediaTypes, "Jenis media");
        OneOf(errors, "tone", form.Tone, Tones, "Nada pemberitaan");
        OneOf(errors, "category", form.Category, NewsCategory.All.Keys, "Kategori");
        Bounded(errors, "outlet", form.Outlet, "Nama media");
        Bounded(errors, "classification", form.Classification, "Kode klasifikasi");
        var fromDate = Date(errors, "from", form.From);
        var toDate = Date(errors, "to", form.To);
        if (fromDate > toDate)
        {
            errors["to"] = ["Tanggal akhir (to) tidak boleh sebelum tanggal awal (from)."];
        }

        SearchSort order = SearchSort.Relevance;
        switch (form.Sort?.Trim().ToLowerInvariant())
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

        var size = Number(errors, "pageSize", form.PageSize, form.DefaultPageSize, 1, SearchLimits.MaxPageSize,
            $"Jumlah per halaman harus bilangan 1 sampai {SearchLimits.MaxPageSize}.");
        var lastPage = SearchLimits.MaxDepth / size;
        var pageNumber = Number(errors, "page", form.Page, 1, 1, int.MaxValue, $"Halaman harus bilangan 1 sampai {lastPage}.");
        if (!errors.ContainsKey("page") && pageNumber > lastPage)
        {
            errors["page"] = [$"Halaman {pageNumber} terlalu jauh: hasil dapat dibuka sampai hasil ke-{SearchLimits.MaxDepth} (halaman {lastPage} bila {size} per halaman). Persempit pencarian dengan kata kunci atau saringan."];
        }

        if (errors.Count > 0)
        {
            return Outcome<SearchRequest>.From(Outcome.Invalid(errors, "Permintaan pencarian tidak valid."));
        }

        return Outcome<SearchRequest>.Ok(new SearchRequest(
            Blank(q), Blank(form.Type), Blank(form.Outlet), Blank(form.MediaType), Blank(form.Category), Blank(form.Tone), Blank(form.Classification),
            fromDate, toDate, order, pageNumber, size));
    }

    private static void Bounded(Dictionary<string, string[]> errors, string field, string? value, string label)
    {
        if (value is { Length: > SearchLimits.MaxFilterLength })
        {
            errors[field] = [$"{label} paling panjang {SearchLimits.MaxFilterLength} karakter."];
        }
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

/// <summary>A page of results; <c>partial</c>: the search reached its time limit, and these are the matches found until then.</summary>
internal sealed record SearchResponse(
    IReadOnlyList<SearchItem> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, int Total, int Page, int PageSize, bool Partial);

internal sealed record SearchItem(
    Guid Id, string Type, string Title, string Snippet, DateOnly Date, string Status, string? Outlet, string? MediaType, string? Category,
    string? Tone, string? ArchiveNumber, string? Classification, string? Url, float Score);
