namespace Diskominfo.Newsroom.Abstractions.Security;

/// <summary>Who the office's people are (Users module): for notifications, the office's structure and the approval chain.</summary>
public interface IUserDirectory
{
    /// <summary>The active (not disabled) accounts in <paramref name="role"/>.</summary>
    Task<IReadOnlyList<DirectoryUser>> ListInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>The active account, or null when there is none or it is disabled.</summary>
    Task<DirectoryUser?> GetAsync(string userId, CancellationToken cancellationToken);
}
