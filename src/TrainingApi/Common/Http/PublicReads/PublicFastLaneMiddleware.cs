using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// The first middleware after forwarded headers. An anonymous GET or HEAD whose answer is in <see cref="PublicResponseCache"/> is
/// answered here, 200 or 304, without routing, authentication, localization, the problem handler or the response wrappers of
/// compression and HTTP logging, which together cost ten times what the answer does. What it sends is what the pipeline sent the
/// first time, replayed: on a miss for an endpoint marked <see cref="PublicCacheMetadata"/>, the pipeline's final status, headers
/// and body are captured (<see cref="ResponseCapture"/>) and kept; no header is built here except the <see cref="PlatformHeaders"/>,
/// written by the same code the pipeline uses. The checks that come before any answer still come first: the request-head limits,
/// NUL characters and the per-address rate limit; a request that fails one goes down the pipeline, which refuses it. Anything
/// else — credentials, a browser's cross-origin request (Origin), a byte range, If-Match, another method — goes down the pipeline
/// too. Access log: the answers given here are sampled as GETs are elsewhere (<see cref="AccessLogSampler"/>).
/// </summary>
public sealed partial class PublicFastLaneMiddleware(
    RequestDelegate next, PublicResponseCache cache, IOptions<RateLimiterOptions> rateLimits, AccessLogSampler sampler, IConfiguration configuration,
    PlatformHeaders platform, IOptions<RequestLimitsOptions> requestLimits, IOptions<PublicReadsOptions> options, ILogger<PublicFastLaneMiddleware> log)
{
    private readonly PartitionedRateLimiter<HttpContext>? limiter = rateLimits.Value.GlobalLimiter;
    private readonly bool redirectsToHttps = configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>()?.Redirect == true;
    private readonly int maxBodyBytes = options.Value.MaxBodyBytes;

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var get = HttpMethods.IsGet(request.Method);
        // Plain http that the pipeline would redirect to https is the pipeline's to answer.
        if (!(get || HttpMethods.IsHead(request.Method)) || (redirectsToHttps && !request.IsHttps) || !Plain(request.Headers)
            || RequestHeadLimitMiddleware.Refusal(http, requestLimits.Value) is not null || NulCharacters.FieldIn(request) is not null)
        {
            return next(http);
        }

        var key = CacheKey.Of(request);
        var variant = PublicResponseCache.Variant(request);
        // An answer negotiated on Accept is kept only under its Accept-qualified key, so the plain key never finds it.
        if ((cache.TryGet(key, variant, out var answer) || cache.TryGet(CacheKey.WithAccept(key, request), variant, out answer)) && (get || answer.AnswersHead))
        {
            return AnswerAsync(http, answer);
        }

        return get ? CaptureAsync(http, key) : next(http);
    }

    private Task AnswerAsync(HttpContext http, CachedResponse answer)
    {
        RateLimitLease? lease = null;
        if (limiter is not null)
        {
            lease = limiter.AttemptAcquire(http);
            if (!lease.IsAcquired)
            {
                // The full pipeline answers the 429 problem, Retry-After included.
                lease.Dispose();
                return next(http);
            }
        }

        using (lease)
        {
            var started = sampler.Sample() ? Stopwatch.GetTimestamp() : 0;
            // Before the kept headers, which then overwrite Content-Language where the content named its own.
            platform.Apply(http, ResponseLanguage.Of(http.Request));
            var written = answer.WriteAsync(http);
            return started == 0 ? written : LoggedAsync(written, http, started);
        }
    }

    /// <summary>The pipeline answers; if its endpoint may be kept and it sent a complete 200, that answer is kept as sent.</summary>
    private async Task CaptureAsync(HttpContext http, string key)
    {
        var readAt = cache.ReadGenerations();
        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        var capture = new ResponseCapture(http, original, maxBodyBytes);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        http.Features.Set(capture);
        try
        {
            await next(http);
            await capture.FlushWriterAsync();
        }
        finally
        {
            http.Features.Set(original);
            http.Features.Set<ResponseCapture>(null);
        }

        var response = http.Response;
        if (response.StatusCode != StatusCodes.Status200OK || http.RequestAborted.IsCancellationRequested
            || http.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<PublicCacheMetadata>() is not { } cacheable
            || capture.Body is not { } body || response.Headers.ContainsKey(HeaderNames.SetCookie) || !CacheKey.NamesOnlyKnown(http.Request, cacheable)
            || (response.ContentLength is { } length && length != body.Length))
        {
            return;
        }

        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        var kept = CachedResponse.Capture(response, body, capture.LanguageNegotiated, answersHead: methods is null || methods.Contains(HttpMethods.Head));
        int? variant = ContentCoding.IsCompressible(response.ContentType) ? PublicResponseCache.Variant(http.Request) : null;
        cache.Store(cacheable.Tag, readAt.Of(cacheable.Tag), cacheable.VariesOnAccept ? CacheKey.WithAccept(key, http.Request) : key, variant, kept);
    }

    /// <summary>No credentials, no cross-origin browser request (CORS answers it), no range and no If-Match: the common case only.</summary>
    private static bool Plain(IHeaderDictionary headers) =>
        StringValues.IsNullOrEmpty(headers.Authorization) && StringValues.IsNullOrEmpty(headers.Origin)
        && StringValues.IsNullOrEmpty(headers.Range) && StringValues.IsNullOrEmpty(headers.IfRange) && StringValues.IsNullOrEmpty(headers.IfMatch)
        && !headers.ContainsKey(Security.ApiKeys.ApiKeySecret.Header);

    private async Task LoggedAsync(Task written, HttpContext http, long started)
    {
        await written;
        Served(log, http.Request.Method, http.Request.Path.Value ?? "", http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} {Duration:0.###} ms (from memory, sampled)")]
    private static partial void Served(ILogger logger, string method, string path, int statusCode, double duration);
}
