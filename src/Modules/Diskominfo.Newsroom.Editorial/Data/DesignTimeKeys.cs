using Diskominfo.Newsroom.Infrastructure.Keys;

namespace Diskominfo.Newsroom.Editorial.Data;

/// <summary>For <c>dotnet ef</c> only: a design-time context never saves, so it never needs a key.</summary>
internal sealed class DesignTimeKeys : ISecretKeys
{
    public void EnsureReady()
    {
    }

    public SecretKey Get(string name) => throw new NotSupportedException("No keys at design time.");
}
