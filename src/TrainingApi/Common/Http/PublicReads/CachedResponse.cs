using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// A 200 the full pipeline sent to an anonymous GET, kept as it was written — status, every header, body (in the content coding
/// that client was sent) — less what belongs to one exchange (Date, Content-Length, and the <see cref="PlatformHeaders"/>, which
/// are written again for each request: nosniff, HSTS, the negotiated Content-Language). Served by <see cref="PublicFastLaneMiddleware"/>.
/// </summary>
public sealed class CachedResponse
{
    /// <summary>Written per exchange, by the server or by <see cref="PlatformHeaders"/>, never replayed from a copy.</summary>
    private static readonly HashSet<string> PerExchange = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection,
        HeaderNames.KeepAlive, HeaderNames.XContentTypeOptions, HeaderNames.StrictTransportSecurity,
    };

    /// <summary>What a 304 leaves out of its 200's headers: those describing the body it does not send (RFC 9110 §15.4.5).</summary>
    private static readonly HashSet<string> BodyOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentType, HeaderNames.ContentEncoding, HeaderNames.ContentDisposition, HeaderNames.AcceptRanges, HeaderNames.ContentRange,
    };

    private readonly KeyValuePair<string, StringValues>[] headers;
    private readonly KeyValuePair<string, StringValues>[] notModifiedHeaders;

    private CachedResponse(KeyValuePair<string, StringValues>[] headers, byte[] body, bool answersHead)
    {
        this.headers = headers;
        notModifiedHeaders = [.. headers.Where(h => !BodyOnly.Contains(h.Key))];
        Body = body;
        AnswersHead = answersHead;
        foreach (var (name, value) in headers)
        {
            if (name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase))
            {
                ETag = value.ToString();
            }
            else if (name.Equals(HeaderNames.LastModified, StringComparison.OrdinalIgnoreCase)
                     && DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified))
            {
                LastModified = modified;
            }
        }

        Size = body.LongLength + 64 + headers.Sum(h => 2L * (h.Key.Length + h.Value.ToString().Length));
    }

    public byte[] Body { get; }

    public string? ETag { get; }

    public DateTimeOffset? LastModified { get; }

    /// <summary>Whether its endpoint answers HEAD; a HEAD for a GET-only endpoint goes to the pipeline (405).</summary>
    public bool AnswersHead { get; }

    /// <summary>The memory it holds (body and headers), for the cache's budget.</summary>
    public long Size { get; }

    /// <summary>The pipeline's answer as it stands when the pipeline has finished; <paramref name="languageNegotiated"/> drops Content-Language.</summary>
    public static CachedResponse Capture(HttpResponse response, byte[] body, bool languageNegotiated, bool answersHead)
    {
        var kept = new List<KeyValuePair<string, StringValues>>(response.Headers.Count);
        foreach (var header in response.Headers)
        {
            if (!PerExchange.Contains(header.Key) && !(languageNegotiated && header.Key.Equals(HeaderNames.ContentLanguage, StringComparison.OrdinalIgnoreCase)))
            {
                kept.Add(header);
            }
        }

        return new CachedResponse([.. kept], body, answersHead);
    }

    /// <summary>Sends it, or a 304 with the same headers less the body's when the client holds it (the rule <see cref="ConditionalGet"/> applies).</summary>
    public Task WriteAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var current = ETag is not null && ConditionalGet.IsCurrent(request, ETag, LastModified);
        var target = response.Headers;
        foreach (var (name, value) in current ? notModifiedHeaders : headers)
        {
            target[name] = value;
        }

        if (current)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = Body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(Body, http.RequestAborted).AsTask();
    }
}
