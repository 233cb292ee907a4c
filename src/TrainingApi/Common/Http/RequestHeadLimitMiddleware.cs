using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http;

/// <summary>
/// The limits on the request line and headers, enforced here so that a refusal is a 414/431 problem like every
/// other error. Kestrel refuses over its own limits before any middleware runs, with an empty body, so
/// <see cref="KestrelSetup"/> sets those to twice ours: only a request over twice the limit (or one Kestrel cannot
/// parse at all) still gets Kestrel's bare answer.
/// </summary>
public sealed class RequestHeadLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext http) => Refusal(http, options.Value) is { } refused ? throw refused : next(http);

    /// <summary>The refusal this request has earned, or null; the fast lane asks too, and leaves a refused request to this middleware.</summary>
    public static BadHttpRequestException? Refusal(HttpContext http, RequestLimitsOptions limits)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var targetLength = string.IsNullOrEmpty(target) ? http.Request.GetEncodedPathAndQuery().Length : target.Length;
        if (targetLength > limits.MaxUrlBytes)
        {
            return new BadHttpRequestException("Request URL too long.", StatusCodes.Status414UriTooLong);
        }

        var count = 0;
        long bytes = 0;
        foreach (var (name, values) in http.Request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                // As on the wire: "name: value\r\n".
                bytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return count > limits.MaxHeaderCount || bytes > limits.MaxHeaderBytes
            ? new BadHttpRequestException("Request headers too large.", StatusCodes.Status431RequestHeaderFieldsTooLarge)
            : null;
    }
}
