namespace Diskominfo.Newsroom.Content.Endpoints;

/// <summary>An item as one reader may see it: its work, or its public shape; exactly one of the two is set.</summary>
public sealed record ItemRead(ItemDetails? Work, PublicItem? Public);
