namespace Diskominfo.Newsroom.Abstractions.Search;

/// <summary>A search as it arrives, every value as text; <see cref="DefaultPageSize"/> applies when none is given.</summary>
public sealed record SearchForm(
    string? Q = null,
    string? Type = null,
    string? Outlet = null,
    string? MediaType = null,
    string? Category = null,
    string? Tone = null,
    string? Classification = null,
    string? From = null,
    string? To = null,
    string? Sort = null,
    string? Page = null,
    string? PageSize = null,
    int DefaultPageSize = 20);
