using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Link texts that mean nothing once read out of context, as screen-reader users hear them in a list of links (WCAG 2.4.4).
/// Not a fixed list of phrases: a text is vague when every word in it points somewhere ("tutaj", "pod tym linkiem",
/// "na tej stronie", "click here for more") or is a bare verb of clicking or reading, and none names a target.
/// Compared after lower-casing and dropping punctuation, so "Kliknij tutaj!" and "→ więcej…" match too.
/// </summary>
internal static class MeaninglessLinkText
{
    // Pointing words, the prepositions and pronouns that go with them, and the verbs of following a link; in every
    // inflected form an author is likely to write. None of them names what is at the other end.
    private static readonly FrozenSet<string> VagueWords = new[]
    {
        // Polish
        "kliknij", "klikając", "kliknąć", "klik", "tutaj", "tu", "tam", "ten", "ta", "to", "tę", "tą", "tym", "tej", "tego", "tych",
        "link", "linku", "linkiem", "linki", "odnośnik", "odnośniku", "odnośnikiem", "strona", "stronie", "stronę", "stroną", "witryna", "witrynie",
        "więcej", "szczegóły", "szczegółów", "informacje", "informacji", "info", "czytaj", "przeczytaj", "zobacz", "sprawdź", "przejdź", "pobierz",
        "otwórz", "dalej", "plik", "pliku", "dokument", "dokumencie", "adres", "adresem", "pod", "na", "w", "we", "z", "ze", "do", "po", "o",
        "i", "oraz", "lub", "się", "dowiedz", "znajdziesz", "jest", "są", "proszę", "wejdź", "kontynuuj", "aby", "żeby", "by", "przeczytać",
        "pobrać", "zobaczyć", "otworzyć", "przejść", "kliknięcie",
        // English
        "click", "here", "there", "this", "that", "the", "a", "link", "page", "site", "more", "read", "learn", "see", "details", "info",
        "information", "go", "continue", "download", "file", "document", "open", "on", "at", "to", "for", "of", "in", "view",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words that only help the pointing words; a text of these alone ("w", "do") is not vague, it is a typo or a name.
    private static readonly FrozenSet<string> Fillers = new[]
    {
        "pod", "na", "w", "we", "z", "ze", "do", "po", "o", "i", "oraz", "lub", "się", "jest", "są", "aby", "żeby", "by", "the", "a", "on", "at", "to", "for",
        "of", "in", "ten", "ta", "to", "tę", "tą", "tym", "tej", "tego", "tych", "this", "that",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Matches(string linkText)
    {
        var words = Normalize(linkText).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(VagueWords.Contains) && words.Any(word => !Fillers.Contains(word));
    }

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture))
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
