using Diskominfo.Newsroom.Abstractions.Content;

namespace Diskominfo.Newsroom.Content.Models;

/// <summary>The parts of a version; which ones are present depends on the content type.</summary>
internal sealed record ContentParts
{
    public ArticlePart? Article { get; init; }

    public ClippingPart? Clipping { get; init; }

    public AdventorialPart? Adventorial { get; init; }

    public IReadOnlyList<PhotoRef> Photos { get; init; } = [];
}

/// <summary>The news text of a press release (and the article of an adventorial).</summary>
internal sealed record ArticlePart(
    string Lead, string Body, string Category, DateOnly? EventDate, string? EventPlace, string? VideoUrl);

/// <summary>A newspaper, magazine or tabloid article about the government.</summary>
internal sealed record ClippingPart(
    string Outlet, string MediaType, DateOnly EditionDate, string? Page, string? Headline, string? Text, string Tone, IReadOnlyList<string> Topics);

/// <summary>The administrative file of a paid article placed in the mass media.</summary>
internal sealed record AdventorialPart(
    string Outlet, decimal? Cost, string? BudgetLine, string? HspkReference, string? ContractNumber, DateOnly? PublicationDate);
