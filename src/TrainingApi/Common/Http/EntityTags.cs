using System.Globalization;
using Microsoft.Net.Http.Headers;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Http;

/// <summary>
/// ETag / If-Match / If-None-Match for resources versioned by PostgreSQL's xmin. Every versioned resource
/// uses these, so the rules (strong tags, 428 without If-Match, 412 when stale, 304 when unchanged) are one.
/// </summary>
public static class EntityTags
{
    public static string Format(uint version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// A version for a representation built from several rows (a version and its sections): a stable hash of
    /// their stamps, the same on every instance (unlike <see cref="HashCode"/>, which is seeded per process).
    /// </summary>
    public static uint Combine(params object[] stamps)
    {
        var text = string.Join('|', stamps.Select(s => Convert.ToString(s, CultureInfo.InvariantCulture)));
        return BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0);
    }

    /// <summary>
    /// The version the client says it read. 428 when If-Match is missing; null for <c>*</c> (any version);
    /// a tag that cannot be ours can never match, so it is a 412.
    /// </summary>
    public static uint? RequireIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw Problem.PreconditionRequired();
        }

        if (header.Trim() == "*")
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList([.. request.Headers.IfMatch.OfType<string>()], out var tags))
        {
            throw Problem.PreconditionFailed();
        }

        // Several tags: only one of them can be current; the first of ours is what the client last saw.
        foreach (var tag in tags)
        {
            if (!tag.IsWeak && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return version;
            }
        }

        throw Problem.PreconditionFailed();
    }

    /// <summary>True when the client already holds this version (answer 304).</summary>
    public static bool IsNotModified(HttpRequest request, uint version)
    {
        if (!EntityTagHeaderValue.TryParseList([.. request.Headers.IfNoneMatch.OfType<string>()], out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(Format(version));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>200 with the ETag, or 304 when If-None-Match already names this version.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<T>, Microsoft.AspNetCore.Http.HttpResults.StatusCodeHttpResult>
        OkOrNotModified<T>(HttpContext http, T value, uint version)
    {
        http.Response.Headers.ETag = Format(version);
        return IsNotModified(http.Request, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(value);
    }
}
