using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http.PublicReads;

public sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>
    /// Log one in this many GET and HEAD requests (1: every one). Writes (POST, PUT, PATCH, DELETE) are always logged; so is
    /// every failure, by the problem handler, with its exception. Reads are most of the traffic and each log line costs more
    /// than a read served from memory.
    /// </summary>
    public int SampleEvery { get; set; } = 10;
}

/// <summary>Which reads the access log keeps: a counter, so the sample is exact (1 in N) and costs one interlocked add.</summary>
public sealed class AccessLogSampler(IOptions<AccessLogOptions> options)
{
    private readonly int every = Math.Max(1, options.Value.SampleEvery);
    private long count;

    public bool Sample() => every == 1 || Interlocked.Increment(ref count) % every == 0;
}

/// <summary>HTTP logging for every write and one in N reads; a read not sampled skips the logging middleware's wrappers entirely.</summary>
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
