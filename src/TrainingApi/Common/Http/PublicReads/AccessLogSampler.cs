using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http.PublicReads;

public sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>
    /// Log one in this many GET and HEAD requests (1: every one). Writes (POST, PUT, PATCH, DELETE) are always logged; so is
    /// every failure, by the problem handler, with its exception.
    /// </summary>
    public int SampleEvery { get; set; } = 1;

    /// <summary>
    /// At most this many GET/HEAD lines a second (0: no ceiling). At ordinary traffic every read is in the log; under load the
    /// log stays a bounded cost instead of a share of the traffic (a line costs more than a read served from memory; see
    /// docs/performance.md#decision-record). How many requests there were
    /// comes from the metrics (http.server.request.duration), not from the log.
    /// </summary>
    public int MaxReadLinesPerSecond { get; set; } = 100;
}

/// <summary>
/// Which reads the access log keeps: one in <see cref="AccessLogOptions.SampleEvery"/> (an exact counter), and of those no more
/// than <see cref="AccessLogOptions.MaxReadLinesPerSecond"/> in any second of the clock. At a second's turn a read racing the one that
/// starts the new second may be counted against the old one (a line too few or too many), which is not worth a lock on every read.
/// </summary>
public sealed class AccessLogSampler(IOptions<AccessLogOptions> options, TimeProvider clock)
{
    private readonly int every = Math.Max(1, options.Value.SampleEvery);
    private readonly int ceiling = Math.Max(0, options.Value.MaxReadLinesPerSecond);
    private long count;
    private long second;
    private long inSecond;

    public bool Sample()
    {
        if (every != 1 && Interlocked.Increment(ref count) % every != 0)
        {
            return false;
        }

        if (ceiling == 0)
        {
            return true;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var current = Volatile.Read(ref second);
        if (now != current && Interlocked.CompareExchange(ref second, now, current) == current)
        {
            Interlocked.Exchange(ref inSecond, 0);
        }

        return Interlocked.Increment(ref inSecond) <= ceiling;
    }
}

/// <summary>HTTP logging for every write and the reads <see cref="AccessLogSampler"/> keeps; a read not kept skips the logging middleware's wrappers entirely.</summary>
public sealed class SampledAccessLog(AccessLogSampler sampler) : IHttpLoggingInterceptor
{
    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        var method = logContext.HttpContext.Request.Method;
        if ((HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && !sampler.Sample())
        {
            logContext.LoggingFields = HttpLoggingFields.None;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
