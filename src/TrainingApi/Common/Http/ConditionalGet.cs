using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrainingApi.Common.Http;

/// <summary>
/// The one way a read sends its validators (ETag, and Last-Modified where there is one) and answers 304 when the client's copy is
/// current, per RFC 9110 §13.1.2–13.1.3 and §13.2.2: If-None-Match compares weakly, takes a list of tags or <c>*</c>; when it is
/// present If-Modified-Since is ignored; an If-Modified-Since that is not a valid date is ignored too. Set any Cache-Control or
/// Vary before calling, so the 304 carries them as the 200 would.
/// </summary>
public static class ConditionalGet
{
    /// <summary>Sets the validators on the response; true when the request's preconditions say the client holds this representation.</summary>
    public static bool ClientIsCurrent(HttpContext http, string etag, DateTimeOffset? lastModified = null)
    {
        var response = http.Response.Headers;
        response.ETag = etag;
        if (lastModified is { } modified)
        {
            response.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        }

        return IsCurrent(http.Request, etag, lastModified);
    }

    /// <summary>Whether the request's preconditions say the client holds the representation with these validators (GET or HEAD only).</summary>
    public static bool IsCurrent(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            // The common case (the tag exactly as sent) without parsing.
            return (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], etag, StringComparison.Ordinal)) || AnyMatches(ifNoneMatch, etag);
        }

        // Whole seconds: an HTTP date has no finer resolution.
        return lastModified is { } last && !StringValues.IsNullOrEmpty(request.Headers.IfModifiedSince)
                                        && request.GetTypedHeaders().IfModifiedSince is { } since
                                        && last.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>200 with the value, or 304 when the client holds it.</summary>
    public static Results<Ok<T>, StatusCodeHttpResult> Ok<T>(HttpContext http, T value, string etag, DateTimeOffset? lastModified = null) =>
        ClientIsCurrent(http, etag, lastModified) ? NotModified(http, "application/json") : TypedResults.Ok(value);

    /// <summary>200 with a view tagged by its row version, or 304.</summary>
    public static Results<Ok<T>, StatusCodeHttpResult> Ok<T>(HttpContext http, Versioned<T> found) =>
        Ok(http, found.Value, EntityTags.Format(found.Version));

    /// <summary>200 with the file (or the range asked for), or 304 when the client holds these bytes.</summary>
    public static Results<FileContentHttpResult, StatusCodeHttpResult> File(
        HttpContext http, byte[] contents, string contentType, string? fileName, string etag, DateTimeOffset? lastModified = null) =>
        ClientIsCurrent(http, etag, lastModified) ? NotModified(http, contentType) : Download(contents, contentType, fileName, etag, lastModified);

    /// <summary>
    /// A file with <c>Accept-Ranges: bytes</c>: a satisfiable <c>Range</c> is a 206 with <c>Content-Range</c>, one past the end a 416
    /// (RFC 9110 §14); <c>If-Range</c> is checked against the tag or date. A HEAD gets the headers and Content-Length, no body.
    /// </summary>
    public static FileContentHttpResult Download(
        byte[] contents, string contentType, string? fileName, string? etag = null, DateTimeOffset? lastModified = null) =>
        TypedResults.File(contents, contentType, fileName, enableRangeProcessing: true, lastModified: lastModified,
            entityTag: etag is null ? null : EntityTagHeaderValue.Parse(etag));

    public static StatusCodeHttpResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);

    /// <summary>304 for a representation of this media type, with the Vary its 200 would carry.</summary>
    public static StatusCodeHttpResult NotModified(HttpContext http, string contentType)
    {
        ContentCoding.VaryNotModified(http, contentType);
        return NotModified();
    }

    /// <summary>Whether If-None-Match names this tag (weak comparison) or is <c>*</c>.</summary>
    public static bool AnyMatches(StringValues ifNoneMatch, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags) || !EntityTagHeaderValue.TryParse(etag, out var current))
        {
            return false;
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
