using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrainingApi.Common.Http;

/// <summary>
/// Which content coding a GET or HEAD is answered in, decided here for the compression middleware and for the answers given from
/// memory alike, so the two never differ. RFC 9110 §12.5.3: a coding named in Accept-Encoding takes its own quality, <c>*</c>
/// covers only the codings not named, and a quality of 0 means "not acceptable" — so <c>br;q=0, *</c> is gzip, never Brotli.
/// Brotli wins a tie.
/// </summary>
public static class ContentCoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    /// <summary>"br", "gzip", or null for the identity (nothing acceptable, or no Accept-Encoding at all).</summary>
    public static string? Choose(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }

        var brotli = Quality(codings, Brotli);
        var gzip = Quality(codings, Gzip);
        if (brotli <= 0 && gzip <= 0)
        {
            return null;
        }

        return brotli >= gzip ? Brotli : Gzip;
    }

    /// <summary>Whether answers of this media type are compressed (when the client accepts it) and so vary by Accept-Encoding.</summary>
    public static bool IsCompressible(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return CompressionSetup.MimeTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Vary: Accept-Encoding on a 304 whose 200 would carry it (RFC 9110 §15.4.5): the compression middleware adds it only when it
    /// writes a body, and a 304 has none.
    /// </summary>
    public static void VaryNotModified(HttpContext http, string contentType)
    {
        if (!StringValues.IsNullOrEmpty(http.Request.Headers.AcceptEncoding) && IsCompressible(contentType))
        {
            var vary = http.Response.Headers.Vary;
            if (!vary.Any(v => v is not null && v.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase)))
            {
                http.Response.Headers.Vary = StringValues.Concat(vary, HeaderNames.AcceptEncoding);
            }
        }
    }

    private static double Quality(IList<StringWithQualityHeaderValue> codings, string name)
    {
        double? any = null;
        foreach (var coding in codings)
        {
            if (StringSegment.Equals(coding.Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return coding.Quality ?? 1;
            }

            if (coding.Value == "*")
            {
                any = coding.Quality ?? 1;
            }
        }

        return any ?? 0;
    }
}
