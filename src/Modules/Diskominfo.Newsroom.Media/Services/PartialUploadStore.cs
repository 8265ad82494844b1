using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Diskominfo.Newsroom.Abstractions.Media;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Diskominfo.Newsroom.Media.Models;
using Diskominfo.Newsroom.Infrastructure.Nodes;
using Diskominfo.Newsroom.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Media.Services;

/// <summary>
/// The partial uploads. On the local backend, on disk: <c>&lt;DataDir&gt;/uploads/partial/{id}.part</c> (the bytes
/// received so far: its length is the offset) and <c>{id}.json</c> (the <see cref="PartialUpload"/>); one writer per
/// upload at a time within the node. On an object store, where consecutive pieces may reach different nodes:
/// <c>uploads/partial/{id}.json</c> and one object per piece, <c>uploads/partial/{id}/{offset}.part</c> (the offset is
/// the sum of their sizes), joined when the upload completes; one writer per upload across the nodes
/// (<see cref="INodeLocks"/>). The backup leaves the folder out; the sweeper removes what has expired.
/// </summary>
internal sealed class PartialUploadStore(IOptions<DataDirectoryOptions> dataDir, IFileStore files, INodeLocks locks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _writers = new();

    private static string Folder => string.Join('/', MediaPaths.PartialUploadsFolder);

    private string Root => dataDir.Value.Combine([.. MediaPaths.PartialUploadsFolder]);

    private string DataPath(Guid id) => Path.Combine(Root, $"{id:N}.part");

    private string InfoPath(Guid id) => Path.Combine(Root, $"{id:N}.json");

    private static string InfoKey(Guid id) => $"{Folder}/{id:N}.json";

    private static string PiecesPrefix(Guid id) => $"{Folder}/{id:N}/";

    public async Task SaveAsync(PartialUpload upload, CancellationToken cancellationToken)
    {
        var info = JsonSerializer.SerializeToUtf8Bytes(upload, Json);
        if (!files.IsLocal)
        {
            await files.WriteAsync(InfoKey(upload.Id), info, "application/json", cancellationToken);
            return;
        }

        Directory.CreateDirectory(Root);
        await MediaStorage.WriteAtomicallyAsync(InfoPath(upload.Id), info, cancellationToken);
        if (!upload.IsFinished && !File.Exists(DataPath(upload.Id)))
        {
            await File.WriteAllBytesAsync(DataPath(upload.Id), [], cancellationToken);
        }
    }

    public async Task<PartialUpload?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!files.IsLocal)
        {
            await using var stored = await files.OpenReadAsync(InfoKey(id), cancellationToken);
            return stored is null ? null : await JsonSerializer.DeserializeAsync<PartialUpload>(stored, Json, cancellationToken);
        }

        var path = InfoPath(id);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<PartialUpload>(stream, Json, cancellationToken);
    }

    /// <summary>The bytes received so far; the whole length once finished (the data itself is then gone).</summary>
    public async Task<long> OffsetAsync(PartialUpload upload, CancellationToken cancellationToken)
    {
        if (upload.IsFinished)
        {
            return upload.Length;
        }

        if (!files.IsLocal)
        {
            return (await PiecesAsync(upload.Id, cancellationToken)).Sum(p => p.Size);
        }

        var data = new FileInfo(DataPath(upload.Id));
        return data.Exists ? data.Length : 0;
    }

    /// <summary>Waits for the upload's writer slot (a request cut a moment ago may still be finishing); null when it stays taken.</summary>
    public async Task<IAsyncDisposable?> LockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!files.IsLocal)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(LockWait);
            try
            {
                return await locks.AcquireAsync($"media-partial-upload:{id:N}", wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        var gate = _writers.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(LockWait, cancellationToken) ? new Release(gate) : null;
    }

    /// <summary>
    /// Appends what the body brings, at most <paramref name="room"/> bytes, keeping what arrived when the connection is
    /// cut midway (flushed as it goes on disk; stored as a piece of its own on an object store). Returns the bytes
    /// written, whether the body held more than there was room for, and whether it was cut.
    /// </summary>
    public async Task<(long Written, bool Overflow, bool Cut)> AppendAsync(Guid id, long offset, Stream body, long room, CancellationToken cancellationToken)
    {
        if (files.IsLocal)
        {
            await using var file = new FileStream(DataPath(id), FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
            return await CopyAsync(body, file, room, flush: true, cancellationToken);
        }

        var temp = Path.Combine(Path.GetTempPath(), $"newsroom-piece-{Guid.NewGuid():N}.tmp");
        await using var piece = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var result = await CopyAsync(body, piece, room, flush: false, cancellationToken);
        if (result.Written > 0 && !result.Overflow)
        {
            piece.Position = 0;
            await files.WriteAsync(PieceKey(id, offset), piece, "application/octet-stream", CancellationToken.None);
        }

        return result;
    }

    private static async Task<(long Written, bool Overflow, bool Cut)> CopyAsync(Stream body, Stream target, long room, bool flush, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
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
                await target.WriteAsync(buffer.AsMemory(0, take), CancellationToken.None);
                if (flush)
                {
                    await target.FlushAsync(CancellationToken.None);
                }

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

    public async Task<byte[]> ReadAllAsync(Guid id, CancellationToken cancellationToken)
    {
        if (files.IsLocal)
        {
            return await File.ReadAllBytesAsync(DataPath(id), cancellationToken);
        }

        using var all = new MemoryStream();
        foreach (var piece in await PiecesAsync(id, cancellationToken))
        {
            await using var stream = await files.OpenReadAsync(piece.Key, cancellationToken)
                ?? throw new InvalidOperationException($"A piece of the upload {id} is gone: {piece.Key}");
            await stream.CopyToAsync(all, cancellationToken);
        }

        return all.ToArray();
    }

    public async Task DeleteDataAsync(Guid id, CancellationToken cancellationToken)
    {
        if (files.IsLocal)
        {
            DeleteFile(DataPath(id));
            return;
        }

        foreach (var piece in await PiecesAsync(id, cancellationToken))
        {
            await files.DeleteAsync(piece.Key, cancellationToken);
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await DeleteDataAsync(id, cancellationToken);
        if (files.IsLocal)
        {
            DeleteFile(InfoPath(id));
        }
        else
        {
            await files.DeleteAsync(InfoKey(id), cancellationToken);
        }

        _writers.TryRemove(id, out _);
    }

    /// <summary>Ids of the uploads stored, and the last time each was written.</summary>
    public async Task<IReadOnlyList<(Guid Id, DateTime LastWriteUtc)>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new List<(Guid, DateTime)>();
        if (!files.IsLocal)
        {
            await foreach (var file in files.ListAsync(Folder + "/", cancellationToken))
            {
                var name = file.Key[(Folder.Length + 1)..];
                var first = name.Split('/')[0];
                if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(first), "N", out var id))
                {
                    found.Add((id, file.LastModified.UtcDateTime));
                }
            }

            return found;
        }

        if (Directory.Exists(Root))
        {
            foreach (var path in Directory.EnumerateFiles(Root))
            {
                if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(path), "N", out var id))
                {
                    found.Add((id, File.GetLastWriteTimeUtc(path)));
                }
            }
        }

        return found;
    }

    private static string PieceKey(Guid id, long offset) => PiecesPrefix(id) + offset.ToString("D19", CultureInfo.InvariantCulture) + ".part";

    /// <summary>The pieces of an upload on the object store, in order of their offset.</summary>
    private async Task<List<StoredFile>> PiecesAsync(Guid id, CancellationToken cancellationToken)
    {
        var pieces = new List<StoredFile>();
        await foreach (var piece in files.ListAsync(PiecesPrefix(id), cancellationToken))
        {
            pieces.Add(piece);
        }

        return [.. pieces.OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    private static void DeleteFile(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
