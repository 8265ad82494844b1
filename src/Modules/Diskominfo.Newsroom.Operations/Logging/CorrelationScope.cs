using System.Collections;

namespace Diskominfo.Newsroom.Operations.Logging;

/// <summary>
/// The log scope of a job or a request: a <c>CorrelationId</c> field in JSON logs (<c>CorrelationId:…</c> in plain
/// ones), and for a request its <c>RequestMethod</c>, <c>RequestPath</c> and <c>RequestId</c>. The request fields are
/// the hosting layer's own request scope, which is switched off (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c> at
/// <c>None</c> in appsettings.json): that scope came with an activity per request, about 6 % of a cached page's
/// processor time.
/// </summary>
internal sealed class CorrelationScope(string id, (string Method, string Path, string RequestId)? request = null) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => request is null ? 1 : 4;

    public KeyValuePair<string, object?> this[int index] => (index, request) switch
    {
        (0, _) => new(Correlation.Name, id),
        (1, { } r) => new("RequestMethod", r.Method),
        (2, { } r) => new("RequestPath", r.Path),
        (3, { } r) => new("RequestId", r.RequestId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
        => request is { } r ? $"{Correlation.Name}:{id} {r.Method} {r.Path} RequestId:{r.RequestId}" : $"{Correlation.Name}:{id}";
}
