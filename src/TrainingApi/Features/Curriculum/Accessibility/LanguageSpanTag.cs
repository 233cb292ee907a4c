using System.Text.RegularExpressions;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// The only raw HTML authors may write: <c>&lt;span lang="xx"&gt;</c> / <c>&lt;span lang="xx-YY"&gt;</c> and <c>&lt;/span&gt;</c>,
/// which WCAG 3.1.2 needs to mark passages in another language. Anything else could carry script or styling.
/// </summary>
internal static partial class LanguageSpanTag
{
    /// <summary>The language of an allowed opening tag, or null when the tag is not one.</summary>
    public static string? OpeningLanguage(string tag)
    {
        var match = OpeningTag().Match(tag);
        return match.Success ? match.Groups["lang"].Value : null;
    }

    public static bool IsClosing(string tag) => ClosingTag().IsMatch(tag);

    /// <summary>The primary subtag in lower case ("en-GB" → "en"), for comparing languages.</summary>
    public static string PrimaryLanguage(string language)
    {
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? language : language[..dash]).Trim().ToLowerInvariant();
    }

    // A BCP 47 primary language subtag (2–3 letters) and an optional region (2 letters or UN M.49 digits); one attribute only.
    [GeneratedRegex("""^<span\s+lang\s*=\s*(?:"(?<lang>[A-Za-z]{2,3}(?:-(?:[A-Za-z]{2}|[0-9]{3}))?)"|'(?<lang>[A-Za-z]{2,3}(?:-(?:[A-Za-z]{2}|[0-9]{3}))?)')\s*>$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex OpeningTag();

    [GeneratedRegex("""^</span\s*>$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ClosingTag();
}
