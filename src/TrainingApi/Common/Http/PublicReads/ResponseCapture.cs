using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// The response body as the client receives it (after compression, which runs inside the fast lane), copied while it is sent so
/// the fast lane can keep the pipeline's answer. It copies only for an endpoint marked <see cref="PublicCacheMetadata"/> (known
/// by the first write, after routing) and gives up past a size limit; everything else passes through untouched.
/// </summary>
public sealed class ResponseCapture : IHttpResponseBodyFeature
{
    private readonly HttpContext http;
    private readonly IHttpResponseBodyFeature inner;
    private readonly int limit;
    private MemoryStream? copy;
    private bool decided;
    private PipeWriter? writer;

    public ResponseCapture(HttpContext http, IHttpResponseBodyFeature inner, int limit)
    {
        this.http = http;
        this.inner = inner;
        this.limit = limit;
        Stream = new Tee(this);
    }

    /// <summary>Whether Content-Language was the negotiated language of messages (set by <see cref="PlatformHeaders"/>), not the content's own.</summary>
    public bool LanguageNegotiated { get; set; }

    public Stream Stream { get; }

    public PipeWriter Writer => writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    /// <summary>The bytes sent, or null when they were not copied (not a cacheable endpoint, or too large).</summary>
    public byte[]? Body => decided ? copy?.ToArray() : [];

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await FlushWriterAsync();
        await inner.CompleteAsync();
    }

    /// <summary>Sends what the endpoint left in the pipe writer, before the original body feature is put back.</summary>
    public async Task FlushWriterAsync()
    {
        if (writer is not null)
        {
            await writer.CompleteAsync();
            writer = null;
        }
    }

    private void Record(ReadOnlySpan<byte> data)
    {
        if (!decided)
        {
            decided = true;
            copy = http.GetEndpoint()?.Metadata.GetMetadata<PublicCacheMetadata>() is null ? null : new MemoryStream();
        }

        if (copy is null)
        {
            return;
        }

        if (copy.Length + data.Length > limit)
        {
            copy = null;
            return;
        }

        copy.Write(data);
    }

    private sealed class Tee(ResponseCapture capture) : Stream
    {
        private Stream Inner => capture.inner.Stream;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            capture.Record(buffer);
            Inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            capture.Record(buffer.Span);
            return Inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => Inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
