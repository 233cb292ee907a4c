using System.Globalization;
using Microsoft.Net.Http.Headers;
using TrainingApi.Common.Problems;

namespace TrainingApi.Common.Http;

/// <summary>
/// ETag / If-Match for resources versioned by PostgreSQL's xmin. Every versioned resource uses these, so the rules (strong tags,
/// 428 without If-Match, 412 when stale) are one; reads answer If-None-Match through <see cref="ConditionalGet"/>.
/// </summary>
public static class EntityTags
{
    public static string Format(uint version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The tag of a view that shows more than its row: the row version, a hyphen, and a hash of what else the view shows (a status
    /// that moves with the clock, counts of other rows). If-None-Match compares the whole tag, so a 304 is never stale; If-Match
    /// reads only the row version, since a new comment or the clock does not conflict with an edit of the row.
    /// </summary>
    public static string Format(uint version, params object[] alsoShown) =>
        "\"" + version.ToString(CultureInfo.InvariantCulture) + "-" + Combine(alsoShown).ToString("x8", CultureInfo.InvariantCulture) + "\"";

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
            var text = tag.Tag.AsSpan().Trim('"');
            var hyphen = text.IndexOf('-');
            if (!tag.IsWeak && uint.TryParse(hyphen < 0 ? text : text[..hyphen], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return version;
            }
        }

        throw Problem.PreconditionFailed();
    }
}
