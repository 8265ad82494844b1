using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Diskominfo.Newsroom.Search.Index;

/// <summary>
/// The Lucene index of one node, in its data folder. One writer; readers see a change once it is committed and the
/// searcher refreshed. The commit carries how far the index has read the change table, so a restart resumes there.
/// </summary>
internal sealed class SearchIndex : IDisposable
{
    /// <summary>Raised when the way documents are built changes: an index of another schema is rebuilt at start.</summary>
    public const string Schema = "10";

    private const string SchemaKey = "schema";
    private const string CursorKey = "cursor";
    private const string CommittedKey = "committed";

    private readonly Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    private readonly ResidentIndexFiles? _resident;

    /// <param name="path">The index folder.</param>
    /// <param name="keepResident">Whether the searched files are held in the page cache (<see cref="ResidentIndexFiles"/>; Linux only).</param>
    public SearchIndex(string path, bool keepResident = true)
    {
        System.IO.Directory.CreateDirectory(path);
        Path = path;
        // Read through buffered positional reads, not memory maps: Lucene.NET reads a mapped file through a view
        // accessor that takes and releases its handle at every read, which was a tenth of a common word's search
        // (perf); with buffered reads the bench's 45 searches of a million clippings took a quarter less at the median.
        _directory = new NIOFSDirectory(path);
        var existed = DirectoryReader.IndexExists(_directory);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Analyzers.Version, Analyzers.Index)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 128,
        });
        if (!existed)
        {
            _writer.Commit();
        }

        var data = _writer.CommitData;
        Found = existed && data.TryGetValue(SchemaKey, out var schema) && schema == Schema
            ? new IndexState(
                long.Parse(data[CursorKey], CultureInfo.InvariantCulture),
                new DateTimeOffset(long.Parse(data[CommittedKey], CultureInfo.InvariantCulture), TimeSpan.Zero))
            : null;
        _resident = keepResident && ResidentIndexFiles.Supported ? new ResidentIndexFiles(path) : null;
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: new WarmingSearcherFactory(_resident));
    }

    public string Path { get; }

    /// <summary>The index files held in the page cache and their bytes (none when not kept).</summary>
    public (int Files, long Bytes) Resident => _resident?.Held ?? (0, 0);

    /// <summary>The state of the index found at start (null: missing, or built another way, so it must be rebuilt).</summary>
    public IndexState? Found { get; }

    public void Delete(string key) => _writer.DeleteDocuments(new Term(Fields.Key, key));

    public void Add(Document document) => _writer.AddDocument(document);

    /// <summary>
    /// Replaces every document with those built from what <paramref name="fill"/> gives, by one private writer per core (one
    /// shared writer does not scale here) and joined into the index at the end; searches see the old documents until
    /// the caller commits.
    /// </summary>
    public async Task ReplaceAllAsync<T>(Func<Func<T, ValueTask>, Task> fill, Func<T, IEnumerable<Document>> build, CancellationToken cancellationToken)
    {
        var root = Path + ".bulk";
        if (System.IO.Directory.Exists(root))
        {
            System.IO.Directory.Delete(root, recursive: true);
        }

        var threads = Math.Max(1, Environment.ProcessorCount);
        var channel = System.Threading.Channels.Channel.CreateBounded<T>(new System.Threading.Channels.BoundedChannelOptions(2000) { SingleWriter = true });
        var parts = Enumerable.Range(0, threads).Select(i => FSDirectory.Open(System.IO.Path.Combine(root, i.ToString(CultureInfo.InvariantCulture)))).ToArray();
        try
        {
            var workers = parts.Select(part => Task.Run(async () =>
            {
                // One large flush per part, no merging and no compound file: the parts are only written once.
                using var writer = new IndexWriter(part, new IndexWriterConfig(Analyzers.Version, Analyzers.Index)
                {
                    OpenMode = OpenMode.CREATE,
                    RAMBufferSizeMB = 256,
                    MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
                    UseCompoundFile = false,
                });
                try
                {
                    // Documents are built here too, on each part's own thread.
                    await foreach (var source in channel.Reader.ReadAllAsync(cancellationToken))
                    {
                        foreach (var document in build(source))
                        {
                            writer.AddDocument(document);
                        }
                    }

                    writer.Commit();
                }
                catch (Exception ex)
                {
                    // The producer must not wait on a full channel that nobody reads any more.
                    channel.Writer.TryComplete(ex);
                    throw;
                }
            }, cancellationToken)).ToArray();
            try
            {
                await fill(source => channel.Writer.WriteAsync(source, cancellationToken));
            }
            finally
            {
                channel.Writer.TryComplete();
            }

            await Task.WhenAll(workers);
            _writer.DeleteAll();
            _writer.AddIndexes(parts);
        }
        finally
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }

            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Makes the changes durable, with the change-table position they reach, and visible to searches.</summary>
    public void Commit(long cursor)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = Schema,
            [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture),
            [CommittedKey] = DateTimeOffset.UtcNow.UtcTicks.ToString(CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Documents of a scope (staff: one per item) and the index's size on disk.</summary>
    public (int Documents, long Bytes) Stats(string scope)
    {
        var documents = Search(s => s.Search(new TermQuery(new Term(Fields.Key, Fields.Tag(Fields.Scope, scope))), 1).TotalHits);
        return (documents, Size());
    }

    /// <summary>The folder's size; a file merged away while it is read counts for nothing.</summary>
    private long Size()
    {
        long bytes = 0;
        foreach (var file in new DirectoryInfo(Path).EnumerateFiles())
        {
            try
            {
                bytes += file.Length;
            }
            catch (FileNotFoundException)
            {
            }
        }

        return bytes;
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _resident?.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// Each new searcher is made ready before any search gets it: its new segments' facet values decoded and scope
    /// sets cached (<see cref="SearchEngine.Warm"/>), on the thread that opens or refreshes the index, so that no
    /// reader's search pays for them (the first search of a million clippings took 396 ms, past the time limit); and its
    /// files held in the page cache, those merged away let go.
    /// </summary>
    private sealed class WarmingSearcherFactory(ResidentIndexFiles? resident) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            resident?.Keep(reader);
            var searcher = new IndexSearcher(reader);
            SearchEngine.Warm(searcher);
            return searcher;
        }
    }
}

/// <summary>How far a found index had read the change table, and when it was last committed.</summary>
internal sealed record IndexState(long Cursor, DateTimeOffset CommittedAt);
