using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// A filter cached per segment as a plain bit set. Lucene's own cache keeps a compressed set that cannot be read by
/// document, so a filtered query falls back to stepping the filter and the query side by side (in document order,
/// a document at a time); a bit set is read by document while the query is scored in bulk.
/// </summary>
internal sealed class RandomAccessCachingFilter(Filter filter) : CachingWrapperFilter(filter)
{
    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }
}
