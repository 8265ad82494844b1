namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>A published article as a list of links shows it: its title, address and date.</summary>
public sealed record ArticleLink(Guid ItemId, string Slug, string Title, DateTimeOffset PublishedAt)
{
    public string Path => ArticleAddress.Path(Slug);
}
