using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// A multipart form with one file of <paramref name="fileBytes"/> bytes, made while it is sent (nothing is held in
/// memory): with a <c>Content-Length</c> or without one (sent chunked).
/// </summary>
internal sealed class LargeMultipart : HttpContent
{
    private const string Boundary = "----newsroom-test-boundary";
    private readonly byte[] _head;
    private readonly byte[] _tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
    private readonly long _fileBytes;
    private readonly bool _sendLength;

    public LargeMultipart(long fileBytes, bool sendLength, string fileField = "file", IReadOnlyDictionary<string, string>? fields = null)
    {
        _fileBytes = fileBytes;
        _sendLength = sendLength;
        var head = new StringBuilder();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            head.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        head.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{fileField}\"; filename=\"besar.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        _head = Encoding.UTF8.GetBytes(head.ToString());
        Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
    }

    public long Total => _head.Length + _fileBytes + _tail.Length;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await WriteAsync(stream, _head);
        var chunk = new byte[64 * 1024];
        chunk[0] = 0xFF;
        chunk[1] = 0xD8;
        for (long left = _fileBytes; left > 0; left -= chunk.Length)
        {
            await WriteAsync(stream, chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
            chunk[0] = 0;
            chunk[1] = 0;
        }

        await WriteAsync(stream, _tail);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Total;
        return _sendLength;
    }

    private static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes);
    }
}
