namespace Diskominfo.Newsroom.Abstractions.Publishing;

/// <summary>
/// The channels an item will be published to once signed (Publishing module): the website for every type but clippings,
/// Facebook and Instagram when the admin has connected them (a disconnected channel still counts: its publications wait
/// for it); a correction does not go to Instagram (its caption cannot be edited).
/// </summary>
public interface IPublicationTargets
{
    Task<IReadOnlyList<string>> ChannelsAsync(string contentType, bool correction, CancellationToken cancellationToken);
}
