using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// Counts the values of the facet fields over every matching document. Each segment's ordinals are decoded from
/// its doc values once (kept as long as the segment lives) into one flat array, so counting a hit is a few reads and
/// increments of two plain arrays, however many documents match. Fields with few values are counted together: a
/// group of fields whose value counts multiply to at most <see cref="MaxGroupSlots"/> gets one slot per combination
/// of values (type x outlet x media type), counted once per hit and split into the fields' own counts at the end, so
/// a hit costs three increments instead of eight. The slots are as narrow as the segment allows (two bytes each
/// while all groups together have fewer than 65,536 combinations, as an office's have): the hits of a common word
/// are spread over the whole array, and memory, not arithmetic, is most of the time.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    /// <summary>The most combinations one group of fields counts in (16 KB of counts: in the processor's first cache).</summary>
    internal const int MaxGroupSlots = 4096;

    private static readonly ConditionalWeakTable<object, SegmentFacets> Segments = [];

    private readonly IReadOnlyList<string> _fields = fields;
    private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private SegmentFacets? _segment;
    private byte[]? _bytes;
    private ushort[]? _shorts;
    private int[]? _ints;
    private int _width;
    private int[] _slotCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _segment = Of(reader, _fields);
        (_bytes, _shorts, _ints, _width) = (_segment.Bytes, _segment.Shorts, _segment.Ints, _segment.Groups.Length);
        _slotCounts = new int[_segment.SlotCount];
    }

    public void Collect(int doc)
    {
        var counts = _slotCounts;
        var width = _width;
        var at = doc * width;
        if (_shorts is { } shorts)
        {
            for (var i = 0; i < width; i++)
            {
                counts[shorts[at + i]]++;
            }
        }
        else if (_bytes is { } bytes)
        {
            for (var i = 0; i < width; i++)
            {
                counts[bytes[at + i]]++;
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

    /// <summary>Decodes a segment's facet values now (they are kept as long as the segment lives), not at its first search.</summary>
    public static void Warm(AtomicReader reader, IReadOnlyList<string> fields) => _ = Of(reader, fields);

    /// <summary>Whether a segment's facet values are decoded already.</summary>
    public static bool IsDecoded(AtomicReader reader) => Segments.TryGetValue(reader.CoreCacheKey, out _);

    /// <summary>
    /// The facet values of one document (global id), from the same decoded ordinals: facet fields are not stored,
    /// which keeps the build fast. Null where the document has no value.
    /// </summary>
    public static string?[] ValuesOf(IndexReader reader, int doc, IReadOnlyList<string> fields)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var segment = Of(leaf.AtomicReader, fields);
        var at = (doc - leaf.DocBase) * segment.Groups.Length;
        var values = new string?[fields.Count];
        for (var g = 0; g < segment.Groups.Length; g++)
        {
            var group = segment.Groups[g];
            var combination = segment.Slot(at + g) - group.Offset;
            foreach (var (field, ordinal) in group.Ordinals(combination))
            {
                values[field] = ordinal < 0 ? null : segment.Values[field][ordinal];
            }
        }

        return values;
    }

    /// <summary>A segment's decoded facet values, decoded on first need and kept as long as the segment lives.</summary>
    private static SegmentFacets Of(AtomicReader reader, IReadOnlyList<string> fields)
        => Segments.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Decode(reader, fields));

    /// <summary>Each field's values, most frequent first (then by value), at most <paramref name="top"/> each.</summary>
    public Dictionary<string, IReadOnlyList<Abstractions.Search.FacetCount>> Result(int top) => Result([this], top);

    /// <summary>
    /// The counts of collectors of the same fields (each over its own segments) added together: each field's values,
    /// most frequent first (then by value), at most <paramref name="top"/> each.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<Abstractions.Search.FacetCount>> Result(IReadOnlyList<FacetCollector> parts, int top)
    {
        var first = parts[0];
        foreach (var part in parts)
        {
            part.Flush();
        }

        var result = new Dictionary<string, IReadOnlyList<Abstractions.Search.FacetCount>>(StringComparer.Ordinal);
        for (var i = 0; i < first._fields.Count; i++)
        {
            var counts = new Dictionary<string, int>(first._counts[i], StringComparer.Ordinal);
            foreach (var part in parts.Skip(1))
            {
                foreach (var (value, count) in part._counts[i])
                {
                    counts[value] = counts.GetValueOrDefault(value) + count;
                }
            }

            result[first._fields[i]] = counts
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

        // Each combination counted is split into the values it is made of.
        var counts = _segment.Values.Select(v => new int[v.Length]).ToArray();
        foreach (var group in _segment.Groups)
        {
            for (var combination = 0; combination < group.Size; combination++)
            {
                var count = _slotCounts[group.Offset + combination];
                if (count == 0)
                {
                    continue;
                }

                foreach (var (field, ordinal) in group.Ordinals(combination))
                {
                    if (ordinal >= 0)
                    {
                        counts[field][ordinal] += count;
                    }
                }
            }
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            var values = _segment.Values[i];
            for (var ordinal = 0; ordinal < values.Length; ordinal++)
            {
                if (counts[i][ordinal] > 0)
                {
                    _counts[i][values[ordinal]] = _counts[i].GetValueOrDefault(values[ordinal]) + counts[i][ordinal];
                }
            }
        }

        _segment = null;
    }

    /// <summary>
    /// Fields counted together: a combination of their values is <c>sum(ordinal_i x stride_i)</c>, each field's
    /// "no value" being its last ordinal (<c>cardinality - 1</c>); its slot is <see cref="Offset"/> plus that.
    /// </summary>
    private sealed record FieldGroup(int[] Fields, int[] Cardinalities, int[] Strides, int Offset, int Size)
    {
        public IEnumerable<(int Field, int Ordinal)> Ordinals(int combination)
        {
            for (var i = 0; i < Fields.Length; i++)
            {
                var ordinal = combination / Strides[i] % Cardinalities[i];
                yield return (Fields[i], ordinal == Cardinalities[i] - 1 ? -1 : ordinal);
            }
        }
    }

    /// <summary>
    /// A segment's facet values: per document and group (document-major) the slot of its combination of values; each
    /// field's values by ordinal.
    /// </summary>
    private sealed class SegmentFacets(int[] slots, FieldGroup[] groups, string[][] values, int slotCount)
    {
        /// <summary>The slots in one of three widths, as the slot count allows; the other two are null.</summary>
        public byte[]? Bytes { get; } = slotCount <= byte.MaxValue + 1 ? slots.Select(s => (byte)s).ToArray() : null;

        public ushort[]? Shorts { get; } = slotCount is > byte.MaxValue + 1 and <= ushort.MaxValue + 1 ? slots.Select(s => (ushort)s).ToArray() : null;

        public int[]? Ints { get; } = slotCount > ushort.MaxValue + 1 ? slots : null;

        public FieldGroup[] Groups { get; } = groups;

        public string[][] Values { get; } = values;

        public int SlotCount { get; } = slotCount;

        public int Slot(int index) => Bytes?[index] ?? Shorts?[index] ?? Ints![index];

        public static SegmentFacets Decode(AtomicReader reader, IReadOnlyList<string> fields)
        {
            var docValues = fields.Select(reader.GetSortedDocValues).ToArray();
            var values = new string[fields.Count][];
            for (var i = 0; i < fields.Count; i++)
            {
                var names = new string[docValues[i]?.ValueCount ?? 0];
                var term = new BytesRef();
                for (var ordinal = 0; ordinal < names.Length; ordinal++)
                {
                    docValues[i]!.LookupOrd(ordinal, term);
                    names[ordinal] = term.Utf8ToString();
                }

                values[i] = names;
            }

            // Fields in their order, each joining the open group while the group's combinations stay few enough.
            var groups = new List<FieldGroup>();
            var members = new List<int>();
            var size = 1L;
            var offset = 0;
            void Close()
            {
                var cardinalities = members.Select(f => values[f].Length + 1).ToArray();
                var strides = new int[members.Count];
                for (int i = 0, stride = 1; i < members.Count; stride *= cardinalities[i], i++)
                {
                    strides[i] = stride;
                }

                groups.Add(new FieldGroup([.. members], cardinalities, strides, offset, (int)size));
                offset += (int)size;
                (members, size) = ([], 1);
            }

            for (var i = 0; i < fields.Count; i++)
            {
                var cardinality = values[i].Length + 1L;
                if (members.Count > 0 && size * cardinality > MaxGroupSlots)
                {
                    Close();
                }

                members.Add(i);
                size *= cardinality;
            }

            Close();
            var width = groups.Count;
            var slots = new int[reader.MaxDoc * width];
            for (var g = 0; g < width; g++)
            {
                var group = groups[g];
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    var combination = 0;
                    for (var i = 0; i < group.Fields.Length; i++)
                    {
                        var ordinal = docValues[group.Fields[i]]?.GetOrd(doc) ?? -1;
                        combination += (ordinal >= 0 ? ordinal : group.Cardinalities[i] - 1) * group.Strides[i];
                    }

                    slots[(doc * width) + g] = group.Offset + combination;
                }
            }

            return new SegmentFacets(slots, [.. groups], values, offset);
        }
    }
}
