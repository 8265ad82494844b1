using System.Collections;

namespace Diskominfo.Newsroom.Operations.Logging;

/// <summary>The log scope holding the correlation id: a <c>CorrelationId</c> field in JSON logs, <c>CorrelationId:…</c> in plain ones.</summary>
internal sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index]
        => index == 0 ? new(Correlation.Name, id) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{Correlation.Name}:{id}";
}
