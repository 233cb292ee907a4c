namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Decides whether a link or image URL may be served: http, https, mailto, relative paths and fragments only.
/// Markdig has already decoded entities and backslash escapes in the URL, so <c>java&amp;#115;cript:</c> arrives here as <c>javascript:</c>.
/// </summary>
internal static class UrlSafety
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers drop tabs and newlines anywhere in a URL and spaces and controls around it, so "java\tscript:" still runs;
        // removing them all before reading the scheme errs on the side of refusing.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        // A colon after the first '/', '?' or '#' belongs to a relative path, query or fragment, not to a scheme.
        var pathStart = compact.IndexOfAny(['/', '?', '#']);
        if (pathStart >= 0 && pathStart < colon)
        {
            return true;
        }

        var scheme = compact[..colon];
        return AllowedSchemes.Any(allowed => string.Equals(allowed, scheme, StringComparison.OrdinalIgnoreCase));
    }
}
