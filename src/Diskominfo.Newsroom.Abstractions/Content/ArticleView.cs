namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>What an article page shows: the article and links to other news of its category, newest first.</summary>
public sealed record ArticleView(PublishedArticle Article, IReadOnlyList<ArticleLink> Related);
