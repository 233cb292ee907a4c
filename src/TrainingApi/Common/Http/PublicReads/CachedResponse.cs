using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// A 200 answer to an anonymous GET that stays the same until its tag is evicted: the body (and, for text, its Brotli and gzip
/// forms, compressed once) with the headers the full pipeline sends. Served by <see cref="PublicFastLaneMiddleware"/>.
/// </summary>
public sealed class CachedResponse
{
    private CachedResponse(byte[] body, string contentType, string? etag, DateTimeOffset? lastModified, string? cacheControl, string? fileName)
    {
        Body = body;
        ContentType = contentType;
        ETag = etag;
        LastModified = lastModified;
        LastModifiedText = lastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        CacheControl = cacheControl;
        if (fileName is not null)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            ContentDisposition = disposition.ToString();
        }

        var mediaType = contentType.Split(';')[0].Trim();
        Compressible = CompressionSetup.MimeTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    public byte[] Body { get; }
    private byte[]? brotli;
    private byte[]? gzip;

    /// <summary>Compressed the first time a client asks for it, once (a race compresses twice, harmlessly).</summary>
    private byte[] Brotli => brotli ??= Compress(Body, s => new BrotliStream(s, CompressionLevel.Optimal));

    private byte[] Gzip => gzip ??= Compress(Body, s => new GZipStream(s, CompressionLevel.Optimal));
    public string ContentType { get; }
    public string? ETag { get; }
    public DateTimeOffset? LastModified { get; }
    public string? LastModifiedText { get; }
    public string? CacheControl { get; }

    /// <summary>Set for downloads, which also announce byte ranges (a Range request goes through the full pipeline).</summary>
    public string? ContentDisposition { get; }

    public bool Compressible { get; }

    /// <summary>JSON or any text the compression middleware would compress.</summary>
    public static CachedResponse Document(
        byte[] body, string contentType, string? etag, DateTimeOffset? lastModified, string? cacheControl, bool answersHead = false) =>
        new(body, contentType, etag, lastModified, cacheControl, null) { AnswersHead = answersHead };

    /// <summary>A download (Content-Disposition: attachment, Accept-Ranges: bytes), which answers HEAD as the pipeline does.</summary>
    public static CachedResponse File(
        byte[] body, string contentType, string? fileName, string etag, DateTimeOffset? lastModified, string cacheControl, string? contentLanguage = null) =>
        new(body, contentType, etag, lastModified, cacheControl, fileName) { IsDownload = true, AnswersHead = true, ContentLanguage = contentLanguage };

    /// <summary>
    /// The language of the content when it does not follow the client's Accept-Language (the Atom feed is Polish whatever is
    /// asked); null for answers whose Content-Language is the negotiated language of messages, as the pipeline sends it.
    /// </summary>
    public string? ContentLanguage { get; private init; }

    public bool IsDownload { get; private init; }

    /// <summary>Whether its endpoint answers HEAD (downloads, health); a HEAD for a plain GET endpoint goes to the pipeline (405).</summary>
    public bool AnswersHead { get; private init; }

    /// <summary>The memory it holds, for the cache's budget.</summary>
    public long Size => Compressible ? Body.LongLength * 2 : Body.LongLength;

    /// <summary>Sends it (or 304 when the client holds it) as the full pipeline would, Vary and Content-Encoding included.</summary>
    public Task WriteAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var headers = response.Headers;
        if (ETag is not null)
        {
            headers.ETag = ETag;
        }

        if (CacheControl is not null)
        {
            headers.CacheControl = CacheControl;
        }

        if (LastModifiedText is not null)
        {
            headers.LastModified = LastModifiedText;
        }

        if (ClientIsCurrent(request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = Body;
        if (Compressible && !StringValues.IsNullOrEmpty(request.Headers.AcceptEncoding))
        {
            headers.Vary = HeaderNames.AcceptEncoding;
            switch (Encoding(request.Headers.AcceptEncoding))
            {
                case "br":
                    body = Brotli;
                    headers.ContentEncoding = "br";
                    break;
                case "gzip":
                    body = Gzip;
                    headers.ContentEncoding = "gzip";
                    break;
            }
        }

        if (IsDownload)
        {
            headers.AcceptRanges = "bytes";
            if (ContentDisposition is not null)
            {
                headers.ContentDisposition = ContentDisposition;
            }
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }

    /// <summary>RFC 9110 §13.1.2–13.1.3 as <see cref="ConditionalGet"/> decides it, with the common case (the tag as sent) first.</summary>
    private bool ClientIsCurrent(HttpRequest request)
    {
        if (ETag is null)
        {
            return false;
        }

        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], ETag, StringComparison.Ordinal)) || ConditionalGet.AnyMatches(ifNoneMatch, ETag);
        }

        return LastModified is { } last && !StringValues.IsNullOrEmpty(request.Headers.IfModifiedSince)
                                        && request.GetTypedHeaders().IfModifiedSince is { } since
                                        && last.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>Brotli, else gzip, else none: the order of the compression middleware's providers, honouring q=0.</summary>
    private static string? Encoding(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var name in new[] { "br", "gzip" })
        {
            foreach (var coding in codings)
            {
                var quality = coding.Quality ?? 1;
                if ((StringSegment.Equals(coding.Value, name, StringComparison.OrdinalIgnoreCase) || coding.Value == "*") && quality > bestQuality)
                {
                    best = name;
                    bestQuality = quality;
                }
            }
        }

        return best;
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(body);
        }

        return output.ToArray();
    }
}
