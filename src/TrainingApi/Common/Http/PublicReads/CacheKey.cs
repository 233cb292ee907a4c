using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// The key an answer is kept under: the path, then the query parameters sorted by name (names in lower case, as binding reads them
/// whatever their case; values as sent, re-escaped one way), so <c>?b=1&amp;a=2</c> and <c>?A=2&amp;b=1</c> are one entry.
/// </summary>
public static class CacheKey
{
    public static string Of(HttpRequest request)
    {
        var path = request.PathBase.HasValue ? request.PathBase.Value + request.Path.Value : request.Path.Value ?? "/";
        return request.QueryString.HasValue ? Of(path, request.Query) : path;
    }

    /// <summary>The key of a path and query as written in a URL (<c>/api/v1/jst?name=lod</c>), for tests and diagnostics.</summary>
    public static string OfUrl(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? url : Of(url[..question], new QueryCollection(QueryHelpers.ParseQuery(url[question..])));
    }

    private static string Of(string path, IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return path;
        }

        var names = new string[query.Count];
        var i = 0;
        foreach (var name in query.Keys)
        {
            names[i++] = name;
        }

        Array.Sort(names, StringComparer.OrdinalIgnoreCase);
        var key = new StringBuilder(path, path.Length + 64).Append('?');
        var first = true;
        foreach (var name in names)
        {
            foreach (var value in query[name])
            {
                key.Append(first ? "" : "&").Append(Uri.EscapeDataString(name.ToLowerInvariant())).Append('=').Append(Uri.EscapeDataString(value ?? ""));
                first = false;
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// The key of an answer negotiated on Accept: the path-and-query key, a separator no URL contains, and the Accept header as sent
    /// (trimmed, lower case). Keyed on the header rather than on the type chosen, because the fast lane looks answers up before
    /// routing, when nothing has negotiated yet; distinct headers count against the tag's budget like distinct URLs.
    /// </summary>
    public static string WithAccept(string key, HttpRequest request) => key + "\n" + request.Headers.Accept.ToString().Trim().ToLowerInvariant();

    /// <summary>Whether every query parameter is one the endpoint reads, given once: only then is its answer kept.</summary>
    public static bool NamesOnlyKnown(HttpRequest request, PublicCacheMetadata cacheable)
    {
        if (!request.QueryString.HasValue)
        {
            return true;
        }

        foreach (var (name, values) in request.Query)
        {
            if (values.Count != 1 || !cacheable.QueryParameters.Contains(name))
            {
                return false;
            }
        }

        return true;
    }
}
