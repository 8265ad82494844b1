namespace Diskominfo.Newsroom.Content.Models;

/// <summary>An item's last saved revision (its entity tag), who saved it and when.</summary>
internal sealed record ItemStamp(int Revision, string UpdatedByName, DateTimeOffset UpdatedAt)
{
    /// <summary>The <c>ETag</c> header of the item: its revision, quoted.</summary>
    public string ETag => $"\"{Revision}\"";
}
