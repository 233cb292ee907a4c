using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Link texts that mean nothing once read out of context, as screen-reader users hear them in a list of links (WCAG 2.4.4).
/// Compared after lower-casing and dropping punctuation, so "Kliknij tutaj!" and "→ więcej…" match too.
/// </summary>
internal static class MeaninglessLinkText
{
    private static readonly FrozenSet<string> Phrases = new[]
    {
        // Polish
        "kliknij tutaj", "kliknij tu", "kliknij", "tutaj", "tu", "więcej", "czytaj więcej", "zobacz więcej", "dowiedz się więcej",
        "link", "ten link", "link tutaj", "strona", "ta strona", "szczegóły", "zobacz", "przejdź", "pobierz", "plik", "dalej",
        // English
        "click here", "click", "here", "more", "read more", "learn more", "see more", "this link", "link here", "details",
        "this page", "page", "download", "go", "continue",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Matches(string linkText) => Phrases.Contains(Normalize(linkText));

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
