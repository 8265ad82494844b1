using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Counts the values of the facet fields over every matching document: per segment by ordinal (an array
/// increment per field and hit), turned into values once per segment.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SortedDocValues?[] _values = new SortedDocValues?[fields.Count];
    private readonly int[][] _ordinals = new int[fields.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Count; i++)
        {
            _values[i] = context.AtomicReader.GetSortedDocValues(fields[i]);
            _ordinals[i] = new int[_values[i]?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var ordinal = _values[i]?.GetOrd(doc) ?? -1;
            if (ordinal >= 0)
            {
                _ordinals[i][ordinal]++;
            }
        }
    }

    /// <summary>Each field's values, most frequent first (then by value), at most <paramref name="top"/> each.</summary>
    public Dictionary<string, IReadOnlyList<Abstractions.Search.FacetCount>> Result(int top)
    {
        Flush();
        var result = new Dictionary<string, IReadOnlyList<Abstractions.Search.FacetCount>>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            result[fields[i]] = _counts[i]
                .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(top)
                .Select(c => new Abstractions.Search.FacetCount(c.Key, c.Value))
                .ToList();
        }

        return result;
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < fields.Count; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            var ordinals = _ordinals[i];
            for (var ordinal = 0; ordinal < ordinals.Length; ordinal++)
            {
                if (ordinals[ordinal] == 0)
                {
                    continue;
                }

                values.LookupOrd(ordinal, term);
                var value = term.Utf8ToString();
                _counts[i][value] = _counts[i].GetValueOrDefault(value) + ordinals[ordinal];
            }

            _values[i] = null;
        }
    }
}
