using System.Globalization;
using Microsoft.Net.Http.Headers;
using TrainingApi.Common.Http;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>ETag and Last-Modified for the public catalogue, and 304 when the client's copy is current.</summary>
public static class CatalogueCaching
{
    public static bool NotModified(HttpContext http, string etag, DateTimeOffset lastModified, string cacheControl)
    {
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        headers.CacheControl = cacheControl;
        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Count > 0)
        {
            var current = new EntityTagHeaderValue(etag);
            return request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }

        // Whole seconds: Last-Modified has no finer resolution.
        return request.IfModifiedSince is { } since && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    public static string Tag(params object[] stamps) => EntityTags.Format(EntityTags.Combine(stamps));
}
