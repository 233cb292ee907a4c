using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TrainingApi.Features.Curriculum.Slugs;

/// <summary>
/// The human-readable name of a programme in its persistent addresses (<c>/id/programmes/{slug}</c>): lower-case ASCII letters,
/// digits and single hyphens, made from the title by folding Polish letters to their base (<c>ł</c> → <c>l</c>, <c>ż</c> → <c>z</c>).
/// </summary>
public static partial class ProgrammeSlug
{
    public const int MinLength = 3;
    public const int MaxLength = 80;
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static string Malformed(object _) => new Common.Localization.Text(
        $"A slug is {MinLength}–{MaxLength} characters: lower-case letters a-z, digits and single hyphens between them, e.g. zarzadzanie-cyfryzacja-szkol.",
        $"Identyfikator ma {MinLength}–{MaxLength} znaków: małe litery a-z, cyfry i pojedyncze łączniki między nimi, np. zarzadzanie-cyfryzacja-szkol.").ToString();

    public static bool IsWellFormed(string? slug) => slug is { Length: >= MinLength and <= MaxLength } && Shape().IsMatch(slug);

    /// <summary>The slug a title gives, or "" when it has fewer than <see cref="MinLength"/> letters and digits to give.</summary>
    public static string FromTitle(string title)
    {
        var folded = new StringBuilder(title.Length);
        // ł has no decomposition (it is a letter of its own, not l with a mark), so it is folded by hand; the rest lose their marks.
        foreach (var c in title.Replace('ł', 'l').Replace('Ł', 'L').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        var slug = NotAlphanumeric().Replace(folded.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            // Cut at a word's end rather than inside one.
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = (cut >= MinLength ? slug[..cut] : slug[..MaxLength]).Trim('-');
        }

        return slug.Length >= MinLength ? slug : "";
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex Shape();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
