using System.Collections.Concurrent;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Media.Models;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// The partial uploads on disk, <c>&lt;DataDir&gt;/uploads/partial/{id}.part</c> (the bytes received so far: its length is
/// the offset) and <c>{id}.json</c> (the <see cref="PartialUpload"/>). The backup leaves the folder out; the sweeper
/// removes what has expired. One writer per upload at a time.
/// </summary>
internal sealed class PartialUploadStore(IOptions<DataDirectoryOptions> dataDir)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _writers = new();

    private string Root => dataDir.Value.Combine([.. MediaPaths.PartialUploadsFolder]);

    private string DataPath(Guid id) => Path.Combine(Root, $"{id:N}.part");

    private string InfoPath(Guid id) => Path.Combine(Root, $"{id:N}.json");

    public async Task SaveAsync(PartialUpload upload, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        await MediaStorage.WriteAtomicallyAsync(InfoPath(upload.Id), JsonSerializer.SerializeToUtf8Bytes(upload, Json), cancellationToken);
        if (!upload.IsFinished && !File.Exists(DataPath(upload.Id)))
        {
            await File.WriteAllBytesAsync(DataPath(upload.Id), [], cancellationToken);
        }
    }

    public async Task<PartialUpload?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var path = InfoPath(id);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<PartialUpload>(stream, Json, cancellationToken);
    }

    /// <summary>The bytes received so far; the whole length once finished (the data itself is then gone).</summary>
    public long Offset(PartialUpload upload)
    {
        var data = new FileInfo(DataPath(upload.Id));
        return upload.IsFinished ? upload.Length : data.Exists ? data.Length : 0;
    }

    /// <summary>Waits for the upload's writer slot (a request cut a moment ago may still be finishing).</summary>
    public async Task<IDisposable?> LockAsync(Guid id, CancellationToken cancellationToken)
    {
        var gate = _writers.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken) ? new Release(gate) : null;
    }

    /// <summary>
    /// Appends what the body brings, at most <paramref name="room"/> bytes, flushing as it goes so that a connection cut
    /// midway keeps what arrived. Returns the bytes written and whether the body held more than there was room for.
    /// </summary>
    public async Task<(long Written, bool Overflow, bool Cut)> AppendAsync(Guid id, Stream body, long room, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
        await using var file = new FileStream(DataPath(id), FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return (written, false, false);
                }

                var take = (int)Math.Min(read, room - written);
                await file.WriteAsync(buffer.AsMemory(0, take), CancellationToken.None);
                await file.FlushAsync(CancellationToken.None);
                written += take;
                if (take < read)
                {
                    return (written, true, false);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // The connection dropped: what arrived is kept, the client asks for the offset and sends the rest.
            return (written, false, true);
        }
    }

    public Task<byte[]> ReadAllAsync(Guid id, CancellationToken cancellationToken) => File.ReadAllBytesAsync(DataPath(id), cancellationToken);

    public void DeleteData(Guid id) => DeleteFile(DataPath(id));

    public void Delete(Guid id)
    {
        DeleteFile(DataPath(id));
        DeleteFile(InfoPath(id));
        _writers.TryRemove(id, out _);
    }

    /// <summary>Ids of the uploads on disk, and the last time each was written.</summary>
    public IEnumerable<(Guid Id, DateTime LastWriteUtc)> List()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(Root))
        {
            if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(path), "N", out var id))
            {
                yield return (id, File.GetLastWriteTimeUtc(path));
            }
        }
    }

    private static void DeleteFile(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
