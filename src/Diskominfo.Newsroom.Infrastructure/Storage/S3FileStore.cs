using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Storage;

/// <summary>
/// The files in an S3-compatible object store (AWS S3, MinIO, Garage, Ceph RGW...), one object per file under
/// <c>{Prefix}{key}</c>. Tools that need a file on disk get a node-local copy under <c>{DataDir}/cache/files/</c>,
/// downloaded once: files are written once under their key (a new rendition or a replaced file gets a new key), so a
/// copy never goes stale; this node's copy goes when the file is deleted or rewritten here.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly string _cacheRoot;

    public S3FileStore(IOptions<FileStoreOptions> options, IOptions<DataDirectoryOptions> dataDir)
    {
        var settings = options.Value;
        if (settings.Problem() is { } problem)
        {
            throw new StartupRefusedException(problem);
        }

        var s3 = settings.S3;
        var config = new AmazonS3Config
        {
            ServiceURL = s3.ServiceUrl!.TrimEnd('/'),
            ForcePathStyle = s3.ForcePathStyle,
            AuthenticationRegion = string.IsNullOrWhiteSpace(s3.Region) ? "us-east-1" : s3.Region,

            // Checksums only where the API requires them: S3-compatible stores do not all read the trailing checksums
            // of the SDK's newer defaults.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
        _bucket = s3.Bucket!;
        _prefix = string.IsNullOrWhiteSpace(s3.Prefix) ? "" : s3.Prefix.Trim().Trim('/') + "/";
        _cacheRoot = Path.Combine(Path.GetFullPath(dataDir.Value.Path), "cache", "files");
    }

    public bool IsLocal => false;

    public string Bucket => _bucket;

    /// <summary>Whether the bucket answers with these settings; the reason when it does not.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix, MaxKeys = 1 }, cancellationToken);
            return null;
        }
        catch (AmazonServiceException e)
        {
            return $"{(int)e.StatusCode} {e.ErrorCode}: {e.Message}";
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException)
        {
            return e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
        }
    }

    public Task WriteAsync(string key, ReadOnlyMemory<byte> bytes, string? contentType, CancellationToken cancellationToken)
        => PutAsync(key, new MemoryStream(bytes.ToArray(), writable: false), contentType, cancellationToken);

    public async Task WriteAsync(string key, Stream content, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            await PutAsync(key, content, contentType, cancellationToken);
            return;
        }

        // The request needs the length up front: a stream that cannot tell is spooled to a temporary file first.
        var temp = Path.Combine(Path.GetTempPath(), $"newsroom-s3-{Guid.NewGuid():N}.tmp");
        try
        {
            await using var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            await content.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            await PutAsync(key, file, contentType, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task PutAsync(string key, Stream content, string? contentType, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = ObjectKey(key),
            InputStream = content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
        };
        await _client.PutObjectAsync(request, cancellationToken);
        DropCached(key);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(_bucket, ObjectKey(key), cancellationToken);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetObjectMetadataAsync(_bucket, ObjectKey(key), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteObjectAsync(_bucket, ObjectKey(key), cancellationToken);
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
        }

        DropCached(key);
    }

    public async IAsyncEnumerable<StoredFile> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix.Replace('\\', '/').TrimStart('/') };
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                yield return new StoredFile(item.Key[_prefix.Length..], item.Size ?? 0, item.LastModified is { } at ? new DateTimeOffset(at.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue);
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public async Task<string?> LocalPathAsync(string key, CancellationToken cancellationToken)
    {
        var path = CachePath(key);
        if (File.Exists(path))
        {
            return path;
        }

        await using var stream = await OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = File.Create(temp))
            {
                await stream.CopyToAsync(file, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return path;
    }

    public void Dispose() => _client.Dispose();

    private string ObjectKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        key = key.Replace('\\', '/').TrimStart('/');
        return key.Split('/').Any(part => part is ".." or ".")
            ? throw new InvalidOperationException($"The file key '{key}' is not a plain path.")
            : _prefix + key;
    }

    private string CachePath(string key)
    {
        var full = Path.GetFullPath(Path.Combine(_cacheRoot, ObjectKey(key)[_prefix.Length..]));
        return full.StartsWith(_cacheRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"The file key '{key}' leaves the cache folder.");
    }

    private void DropCached(string key)
    {
        var path = CachePath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static bool IsMissing(AmazonS3Exception e) => e.StatusCode == HttpStatusCode.NotFound;

    /// <summary>The object's content; disposing it disposes the response.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => _inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
