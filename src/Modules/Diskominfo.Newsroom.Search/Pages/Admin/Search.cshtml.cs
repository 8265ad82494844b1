using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Search;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Infrastructure.Http;
using Diskominfo.Newsroom.Search.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Diskominfo.Newsroom.Search.Pages.Admin;

/// <summary>
/// The archivists' search: words in any form, "phrases", prefix*, filters and facets (each facet value a link
/// that narrows the search), highlighted passages, by relevance or date.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
internal sealed class SearchModel(ISearchEngine engine) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "outlet")]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true, Name = "mediaType")]
    public string? MediaType { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "tone")]
    public string? Tone { get; set; }

    [BindProperty(SupportsGet = true, Name = "classification")]
    public string? Classification { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>?halaman=N: "page" is the route value Razor Pages keep for themselves.</summary>
    [BindProperty(SupportsGet = true, Name = "halaman")]
    public string? PageNumber { get; set; }

    public SearchResults? Results { get; private set; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    public static string FacetTitle(string facet) => facet switch
    {
        SearchFacets.Type => "Jenis naskah",
        SearchFacets.Outlet => "Media",
        SearchFacets.MediaType => "Jenis media",
        SearchFacets.Category => "Kategori",
        SearchFacets.Tone => "Nada",
        SearchFacets.Year => "Tahun",
        SearchFacets.Month => "Bulan",
        SearchFacets.Classification => "Kode klasifikasi",
        _ => facet,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var parsed = SearchInput.Parse(new SearchForm(Q, Type, Outlet, MediaType, Category, Tone, Classification, From, To, Sort, PageNumber));
        if (!parsed.Succeeded)
        {
            Errors = parsed.Errors;
            return Page().WithStatusOf(parsed);
        }

        Results = await engine.SearchAsync(parsed.Value!, Actor.FromPrincipal(User), cancellationToken);
        return Page();
    }

    /// <summary>This search's address with one parameter changed (null removes it); the page goes back to 1.</summary>
    public string With(string name, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["type"] = Type, ["outlet"] = Outlet, ["mediaType"] = MediaType, ["category"] = Category, ["tone"] = Tone,
            ["classification"] = Classification, ["from"] = From, ["to"] = To, ["sort"] = Sort,
        };
        if (name == SearchFacets.Month || name == SearchFacets.Year)
        {
            // A month or year facet narrows the dates.
            var (first, last) = name == SearchFacets.Month
                ? (DateOnly.ParseExact(value + "-01", "yyyy-MM-dd"), DateOnly.ParseExact(value + "-01", "yyyy-MM-dd").AddMonths(1).AddDays(-1))
                : (new DateOnly(int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture), 1, 1), new DateOnly(int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture), 12, 31));
            values["from"] = first.ToString("yyyy-MM-dd");
            values["to"] = last.ToString("yyyy-MM-dd");
        }
        else
        {
            values[name] = value;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            SearchPaths.Desk, values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value)));
    }

    public string PageLink(int page) => With("halaman", null) + (page > 1 ? $"&halaman={page}" : "");
}
