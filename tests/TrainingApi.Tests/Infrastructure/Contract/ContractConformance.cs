using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TrainingApi.Tests.Infrastructure.Contract;

/// <summary>
/// Wraps the whole pipeline of every test host (outside everything the API itself runs, so it sees the bytes a client gets)
/// and holds every answer of a declared operation to the committed contract (<see cref="ContractDeclarations"/>). An answer
/// that departs from it fails the request that got it, so the test that made the call fails with the departure named: the
/// whole suite's traffic is the proof that what is declared is what is sent. With the environment variable
/// <c>CONTRACT_CONFORMANCE_REPORT</c> set to a file, departures are appended there instead, to survey them all in one run.
/// </summary>
public sealed class ContractConformance : IStartupFilter
{
    /// <summary>Bodies larger than this are checked for status, media type and headers only.</summary>
    private const int MaxCheckedBody = 16 * 1024 * 1024;

    private static readonly string? ReportFile = Environment.GetEnvironmentVariable("CONTRACT_CONFORMANCE_REPORT");
    private static readonly Lock ReportGate = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(CheckAsync);
        next(app);
    };

    private static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var copy = new CopyingStream(original, MaxCheckedBody);
        context.Response.Body = copy;
        try
        {
            await next(context);
            // An answer without a body starts only after the pipeline returns, and its last headers (the platform's) are written
            // as it starts: start it here, so that what is checked is what is sent.
            if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.StartAsync(context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        // The exception handler clears the endpoint before it writes the problem of a throw; it keeps it in its feature.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (context.RequestAborted.IsCancellationRequested
            || endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } operationId
            || !ContractDeclarations.Current.Declares(operationId))
        {
            return;
        }

        var departures = ContractDeclarations.Current.Departures(operationId, context.Request.Method, context.Response, copy.Copied);
        if (departures.Count == 0)
        {
            return;
        }

        var message = $"{operationId} ({context.Request.Method} {context.Request.Path}{context.Request.QueryString}) departs from the contract: "
            + string.Join("; ", departures);
        if (ReportFile is not null)
        {
            lock (ReportGate)
            {
                File.AppendAllText(ReportFile, message + Environment.NewLine);
            }

            return;
        }

        throw new ContractDepartureException(message);
    }

    /// <summary>Writes through to the response and keeps a copy of what was written (up to a limit; null beyond it).</summary>
    private sealed class CopyingStream(Stream inner, int limit) : Stream
    {
        private MemoryStream? copy = new();

        public ReadOnlyMemory<byte>? Copied => copy is null ? null : copy.GetBuffer().AsMemory(0, (int)copy.Length);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (copy is not null && copy.Length + bytes.Length > limit)
            {
                copy = null;
            }

            copy?.Write(bytes);
        }
    }
}

/// <summary>An answer of the API that its contract does not declare.</summary>
public sealed class ContractDepartureException(string message) : Exception(message);
