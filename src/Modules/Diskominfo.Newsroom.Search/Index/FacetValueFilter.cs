using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The documents whose facet field (a sorted doc values field: type, tone, media type...) holds one value, as a plain
/// bit set made once per segment and value and kept as long as the segment lives. Lucene's field cache filter reads
/// the document's ordinal from the packed doc values for every posting of every word it is asked about, which made a
/// common word with a tone 2.5 times slower than the word alone; a bit set is one read, and
/// <see cref="ScopedQuery"/> joins it with the scope's into one set before any scoring.
/// </summary>
/// <remarks>
/// Only values a segment holds are kept (a facet field has a few dozen), so requests for made-up values cost a term
/// lookup and leave nothing behind.
/// </remarks>
internal sealed class FacetValueFilter(string fieldName, string value) : Filter
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(string Field, string Value), FixedBitSet>> Segments = [];

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var sets = Segments.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<(string, string), FixedBitSet>());
        if (!sets.TryGetValue((fieldName, value), out var set))
        {
            if (reader.GetSortedDocValues(fieldName) is not { } values || values.LookupTerm(new BytesRef(value)) is var ordinal && ordinal < 0)
            {
                return null;
            }

            set = new FixedBitSet(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (values.GetOrd(doc) == ordinal)
                {
                    set.Set(doc);
                }
            }

            set = sets.GetOrAdd((fieldName, value), set);
        }

        return BitsFilteredDocIdSet.Wrap(set, acceptDocs);
    }

    public string Field => fieldName;

    public string Value => value;

    public override string ToString() => $"{fieldName}:{value}";

    public override bool Equals(object? obj) => obj is FacetValueFilter other && other.Field == fieldName && other.Value == value;

    public override int GetHashCode() => HashCode.Combine(fieldName, value);
}
