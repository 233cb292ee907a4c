using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// The first middleware: an anonymous GET or HEAD whose answer is in <see cref="PublicResponseCache"/> (the public catalogue, the
/// register search, /health/live) is answered here, 200 or 304, without routing, authentication, localization, the problem
/// handler or the response wrappers of compression and HTTP logging, which together cost ten times what the answer does. The
/// answer is the one the full pipeline sends (same body, validators, Cache-Control, Vary, Content-Encoding, Content-Language,
/// nosniff); the per-address limit for anonymous callers still applies. Anything else — a miss, credentials, a browser's
/// cross-origin request (Origin), a byte range, any other method — goes down the full pipeline, which fills the cache.
/// Access log: the answers given here are sampled as GETs are elsewhere (<see cref="AccessLogSampler"/>).
/// </summary>
public sealed partial class PublicFastLaneMiddleware(
    RequestDelegate next, PublicResponseCache cache, IOptions<RateLimiterOptions> rateLimits, AccessLogSampler sampler, IConfiguration configuration,
    IOptions<HstsOptions> hstsOptions, ILogger<PublicFastLaneMiddleware> log)
{
    private readonly PartitionedRateLimiter<HttpContext>? limiter = rateLimits.Value.GlobalLimiter;
    private readonly HttpsOptions https = configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();

    /// <summary>Strict-Transport-Security as the HSTS middleware writes it (its options), when HSTS is on.</summary>
    private readonly string? hsts = HstsValue(configuration, hstsOptions.Value);

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        // Plain http that the pipeline would redirect to https is the pipeline's to answer.
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || (https.Redirect && !request.IsHttps) || !Plain(request.Headers)
            || !cache.TryGet(KeyOf(http), out var answer) || (HttpMethods.IsHead(request.Method) && !answer.AnswersHead))
        {
            return next(http);
        }

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
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (hsts is not null && request.IsHttps && !hstsOptions.Value.ExcludedHosts.Contains(request.Host.Host, StringComparer.OrdinalIgnoreCase))
            {
                headers.StrictTransportSecurity = hsts;
            }

            headers.ContentLanguage = answer.ContentLanguage ?? ResponseLanguage.Of(request);
            var started = sampler.Sample() ? Stopwatch.GetTimestamp() : 0;
            var written = answer.WriteAsync(http);
            if (started == 0)
            {
                return written;
            }

            return LoggedAsync(written, http, started);
        }
    }

    private static string? HstsValue(IConfiguration configuration, HstsOptions options)
    {
        if (configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>()?.Hsts != true)
        {
            return null;
        }

        return "max-age=" + ((long)options.MaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)
               + (options.IncludeSubDomains ? "; includeSubDomains" : "") + (options.Preload ? "; preload" : "");
    }

    /// <summary>The key answers are stored under: the request target as received (path and query).</summary>
    public static string KeyOf(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(raw) ? http.Request.Path.Value + http.Request.QueryString.Value : raw;
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
