using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>
/// A request's correlation id, returned in <c>X-Correlation-Id</c>: the client's when it is a short plain token, else a
/// new one. Shared by the operations module's middleware (which also holds the id in the log scope and hands it to the
/// jobs a request enqueues) and the kept pages, which answer before that middleware.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";

    private const int MaxLength = 64;
    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");
    private static readonly ulong Prefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private static long s_counter;

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
            state.Prefix.TryFormat(chars, out _, "x16", CultureInfo.InvariantCulture);
            state.next.TryFormat(chars[16..], out _, "x16", CultureInfo.InvariantCulture);
        });
    }

    /// <summary>The id of <paramref name="context"/>'s request, set on its response.</summary>
    public static string Stamp(HttpContext context) => Stamp(context.Request.Headers, context.Response.Headers);

    /// <summary>The id of the request with <paramref name="request"/>'s headers, set in <paramref name="response"/>'s.</summary>
    public static string Stamp(IHeaderDictionary request, IHeaderDictionary response)
    {
        var sent = request[Header].ToString();
        var id = IsValid(sent) ? sent : NewId();
        response[Header] = id;
        return id;
    }
}
