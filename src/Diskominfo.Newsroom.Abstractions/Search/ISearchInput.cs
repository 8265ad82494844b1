using Diskominfo.Newsroom.Abstractions.Results;

namespace Diskominfo.Newsroom.Abstractions.Search;

/// <summary>
/// Reads a search as typed into a form or a query string and checks it against <see cref="SearchLimits"/> and the
/// syntax (Search module): the same refusals, in Indonesian and per field, for the API, the desk and the public site.
/// </summary>
public interface ISearchInput
{
    Outcome<SearchRequest> Read(SearchForm form);
}
