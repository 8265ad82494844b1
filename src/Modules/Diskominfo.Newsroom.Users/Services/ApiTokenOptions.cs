namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Bearer tokens for the API (<c>Newsroom:Auth</c>).</summary>
public sealed class ApiTokenOptions
{
    public const string Issuer = "diskominfo-newsroom";

    /// <summary>Base64 signing key (at least 32 bytes). When empty, a key is generated once and kept in the keys folder (<c>Newsroom:Keys:Directory</c>).</summary>
    public string SigningKey { get; set; } = "";

    public int LifetimeMinutes { get; set; } = 60;

    internal byte[] KeyBytes { get; set; } = [];
}
