namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>A photo or scan attached to an item's version; the file itself is kept by the Media module.</summary>
public sealed record PhotoRef(Guid MediaId, string Sha256, string ContentType, int Width, int Height, string? Caption, string? Credit);
