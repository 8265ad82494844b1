using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Counts the values of the facet fields over every matching document. Each segment's ordinals are decoded from
/// its doc values once (kept as long as the segment lives) into one flat array, a slot per document and field, so
/// counting a hit is a few reads and increments of two plain arrays, however many documents match. The slots are
/// as narrow as the segment's values allow (a byte each while all fields together have fewer than 256 values, as an
/// office's have): the hits of a common word are scattered over the whole array, and each one that is not in the
/// processor's cache waits for memory, so a quarter of the bytes is most of the speed.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Segments = [];

    private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private SegmentFacets? _segment;
    private byte[]? _bytes;
    private ushort[]? _shorts;
    private int[]? _ints;
    private int[] _slotCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _segment = Segments.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Decode(reader, fields));
        (_bytes, _shorts, _ints) = (_segment.Bytes, _segment.Shorts, _segment.Ints);
        _slotCounts = new int[_segment.SlotCount + 1];
    }

    public void Collect(int doc)
    {
        // A document without a value counts in the last slot, which is never read: no branch per field.
        var counts = _slotCounts;
        var width = fields.Count;
        var at = doc * width;
        if (_bytes is { } bytes)
        {
            for (var i = 0; i < width; i++)
            {
                counts[bytes[at + i]]++;
            }
        }
        else if (_shorts is { } shorts)
        {
            for (var i = 0; i < width; i++)
            {
                counts[shorts[at + i]]++;
            }
        }
        else
        {
            var ints = _ints!;
            for (var i = 0; i < width; i++)
            {
                counts[ints[at + i]]++;
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
        var at = (doc - leaf.DocBase) * fields.Count;
        var values = new string?[fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var slot = segment.Slot(at + i);
            values[i] = slot == segment.SlotCount ? null : segment.Values[i][slot - segment.Offsets[i]];
        }

        return values;
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

        for (var i = 0; i < _counts.Length; i++)
        {
            var values = _segment.Values[i];
            var offset = _segment.Offsets[i];
            for (var ordinal = 0; ordinal < values.Length; ordinal++)
            {
                var count = _slotCounts[offset + ordinal];
                if (count > 0)
                {
                    _counts[i][values[ordinal]] = _counts[i].GetValueOrDefault(values[ordinal]) + count;
                }
            }
        }

        _segment = null;
    }

    /// <summary>
    /// A segment's facet values: per document and field (document-major) the slot of its value, the field's offset
    /// plus the value's ordinal, or <see cref="SlotCount"/> for none; and each field's values by ordinal.
    /// </summary>
    private sealed class SegmentFacets(int[] slots, int[] offsets, string[][] values, int slotCount)
    {
        /// <summary>The slots in one of three widths, as the slot count allows; the other two are null.</summary>
        public byte[]? Bytes { get; } = slotCount <= byte.MaxValue ? slots.Select(s => (byte)s).ToArray() : null;

        public ushort[]? Shorts { get; } = slotCount is > byte.MaxValue and <= ushort.MaxValue ? slots.Select(s => (ushort)s).ToArray() : null;

        public int[]? Ints { get; } = slotCount > ushort.MaxValue ? slots : null;

        public int[] Offsets { get; } = offsets;

        public string[][] Values { get; } = values;

        public int SlotCount { get; } = slotCount;

        public int Slot(int index) => Bytes?[index] ?? Shorts?[index] ?? Ints![index];

        public static SegmentFacets Decode(AtomicReader reader, IReadOnlyList<string> fields)
        {
            var width = fields.Count;
            var docValues = fields.Select(reader.GetSortedDocValues).ToArray();
            var offsets = new int[width];
            var values = new string[width][];
            var slotCount = 0;
            for (var i = 0; i < width; i++)
            {
                offsets[i] = slotCount;
                var names = new string[docValues[i]?.ValueCount ?? 0];
                var term = new BytesRef();
                for (var ordinal = 0; ordinal < names.Length; ordinal++)
                {
                    docValues[i]!.LookupOrd(ordinal, term);
                    names[ordinal] = term.Utf8ToString();
                }

                values[i] = names;
                slotCount += names.Length;
            }

            var slots = new int[reader.MaxDoc * width];
            for (var i = 0; i < width; i++)
            {
                var field = docValues[i];
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    var ordinal = field?.GetOrd(doc) ?? -1;
                    slots[(doc * width) + i] = ordinal >= 0 ? offsets[i] + ordinal : slotCount;
                }
            }

            return new SegmentFacets(slots, offsets, values, slotCount);
        }
    }
}
