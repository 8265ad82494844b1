using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Counts the values of the facet fields over every matching document. Each segment's ordinals are decoded from
/// its doc values once (an int per document and field, kept as long as the segment lives), so counting a hit is
/// one array read and increment per field, however many documents match.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Segments = [];

    private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private SegmentFacets? _segment;
    private int[][] _ordinals = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _segment = Segments.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Decode(reader, fields));
        _ordinals = _segment.Fields.Select(f => new int[f.Values.Length]).ToArray();
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        for (var i = 0; i < _ordinals.Length; i++)
        {
            var ordinal = segment.Fields[i].Ordinals[doc];
            if (ordinal >= 0)
            {
                _ordinals[i][ordinal]++;
            }
        }
    }

    /// <summary>
    /// The facet values of one document (global id), from the same decoded ordinals: facet fields are not stored,
    /// which keeps the build fast. Null where the document has no value.
    /// </summary>
    public static string?[] ValuesOf(IndexReader reader, int doc, IReadOnlyList<string> fields)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var segment = Segments.GetValue(leaf.AtomicReader.CoreCacheKey, _ => SegmentFacets.Decode(leaf.AtomicReader, fields));
        var local = doc - leaf.DocBase;
        return segment.Fields.Select(f => f.Ordinals[local] is var o && o >= 0 ? f.Values[o] : null).ToArray();
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
        if (_segment is null)
        {
            return;
        }

        for (var i = 0; i < _ordinals.Length; i++)
        {
            var values = _segment.Fields[i].Values;
            for (var ordinal = 0; ordinal < values.Length; ordinal++)
            {
                if (_ordinals[i][ordinal] > 0)
                {
                    _counts[i][values[ordinal]] = _counts[i].GetValueOrDefault(values[ordinal]) + _ordinals[i][ordinal];
                }
            }
        }

        _segment = null;
    }

    /// <summary>A segment's facet ordinals per document (-1: no value) and the value of each ordinal, per field.</summary>
    private sealed record SegmentFacets(IReadOnlyList<(int[] Ordinals, string[] Values)> Fields)
    {
        public static SegmentFacets Decode(AtomicReader reader, IReadOnlyList<string> fields)
        {
            var decoded = new List<(int[], string[])>(fields.Count);
            foreach (var field in fields)
            {
                var values = reader.GetSortedDocValues(field);
                var ordinals = new int[reader.MaxDoc];
                if (values is null)
                {
                    Array.Fill(ordinals, -1);
                    decoded.Add((ordinals, []));
                    continue;
                }

                for (var doc = 0; doc < ordinals.Length; doc++)
                {
                    ordinals[doc] = values.GetOrd(doc);
                }

                var names = new string[values.ValueCount];
                var term = new BytesRef();
                for (var ordinal = 0; ordinal < names.Length; ordinal++)
                {
                    values.LookupOrd(ordinal, term);
                    names[ordinal] = term.Utf8ToString();
                }

                decoded.Add((ordinals, names));
            }

            return new SegmentFacets(decoded);
        }
    }
}
