namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>How many password hash verifications the site made (see <see cref="CountingPasswordHasher"/>).</summary>
internal sealed class HashVerificationCounter
{
    private int _count;

    public int Value => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);
}
