using System.Buffers;

namespace Diskominfo.Newsroom.Operations.Logging;

/// <summary>
/// The correlation id of the work in progress: a request's (the client's <c>X-Correlation-Id</c> when it is a short
/// plain token, else a new one), carried into the jobs it enqueues and restored when they run.
/// </summary>
internal static class Correlation
{
    public const string Header = "X-Correlation-Id";

    /// <summary>The name in log scopes and the Hangfire job parameter.</summary>
    public const string Name = "CorrelationId";

    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");
    private static readonly AsyncLocal<string?> s_current = new();

    public static string? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>1 to 64 letters, digits and <c>-_.:</c>: nothing that could forge a log line or a header.</summary>
    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && !id.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>
    /// A new id: 32 hex digits, a random prefix drawn once per process and a counter. Unique across the processes and
    /// nodes of an office without drawing random bytes per request (<see cref="Guid.NewGuid"/> asks the kernel each time,
    /// a system call a cached page's request should not pay); an id names a request, it guards nothing.
    /// </summary>
    public static string NewId()
    {
        var next = (ulong)Interlocked.Increment(ref s_counter);
        return string.Create(32, (Prefix, next), static (chars, state) =>
        {
            state.Prefix.TryFormat(chars, out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
            state.next.TryFormat(chars[16..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private static readonly ulong Prefix = BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
    private static long s_counter;
}
