using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>
/// Counts the request-body bytes the site reads, request by request (first in the pipeline, under everything the site
/// does): how a test sees that a body was refused before it was read.
/// </summary>
internal sealed class TestBodyMeter : IStartupFilter
{
    private long _read;

    /// <summary>Body bytes read by the site for the last request with a body.</summary>
    public long LastRead => Interlocked.Read(ref _read);

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<TestBodyMeter>();
        services.AddSingleton<IStartupFilter>(sp => sp.GetRequiredService<TestBodyMeter>());
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                ?? (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0))
            {
                Interlocked.Exchange(ref _read, 0);
                context.Request.Body = new Counting(context.Request.Body, this);
            }

            await following(context);
        });
        next(app);
    };

    private sealed class Counting(Stream inner, TestBodyMeter meter) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Add(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => Add(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Add(int read)
        {
            Interlocked.Add(ref meter._read, read);
            return read;
        }
    }
}
