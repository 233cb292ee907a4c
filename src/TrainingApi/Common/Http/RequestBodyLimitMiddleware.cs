using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http;

public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Room for a 500-comment consultation batch; a 5 MB section is refused.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The request target (path and query) in bytes; longer is 414 (see <see cref="RequestHeadLimitMiddleware"/>).</summary>
    public int MaxUrlBytes { get; set; } = 8 * 1024;

    /// <summary>All request header lines together in bytes; more is 431.</summary>
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>How many request headers; more is 431.</summary>
    public int MaxHeaderCount { get; set; } = 100;
}

/// <summary>
/// Enforces the body size limit the same way on Kestrel and behind any host: a declared Content-Length
/// over the limit is refused before anything is read, and a chunked body is cut off when it passes it. An endpoint may
/// declare its own limit (<see cref="RequestBodyLimit"/>, file uploads), which is why this runs after routing.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.MaxBytes ?? options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength is null && http.Request.Body.CanRead)
        {
            http.Request.Body = new LengthLimitedStream(http.Request.Body, limit);
        }

        return next(http);
    }

    private sealed class LengthLimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            return read > limit
                ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)
                : n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
