using System.Buffers;
using System.Collections.Frozen;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Tells whether a sentence is clearly in one language it knows (Polish, English, German, French, Ukrainian, Russian),
/// and otherwise says nothing. Tuned against false alarms: foreign terms inside Polish sentences ("Wi-Fi", "e-learning",
/// "Microsoft Teams for Education") must not be reported, so a sentence counts as foreign only when it reads like prose of
/// that language throughout. Cyrillic is told apart by script: Ukrainian by і, ї, є, ґ; Russian by ы, э, ъ; other Cyrillic
/// text gets no guess rather than a wrong one.
/// </summary>
internal static class LanguageGuesser
{
    public const int MinimumWords = 6;
    public const int MinimumCyrillicWords = 3;

    private static readonly SearchValues<char> PolishLetters = SearchValues.Create("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ");
    private static readonly SearchValues<char> UkrainianLetters = SearchValues.Create("іїєґІЇЄҐ");
    private static readonly SearchValues<char> RussianLetters = SearchValues.Create("ыэъЫЭЪ");

    private static readonly (string Language, FrozenSet<string> Words)[] Latin =
        [("en", FunctionWords.English), ("de", FunctionWords.German), ("fr", FunctionWords.French)];

    /// <summary>A language code ("en", "de", "fr", "uk", "ru", "pl"), or null when the sentence is too short or not clearly one.</summary>
    public static string? Guess(IReadOnlyList<ProseWord> words)
    {
        var cyrillic = words.Count(word => word.Text.Any(IsCyrillic));
        if (cyrillic >= MinimumCyrillicWords && cyrillic * 2 > words.Count)
        {
            var text = string.Concat(words.Select(word => word.Text));
            return text.AsSpan().IndexOfAny(UkrainianLetters) >= 0 ? "uk" : text.AsSpan().IndexOfAny(RussianLetters) >= 0 ? "ru" : null;
        }

        if (words.Count < MinimumWords)
        {
            return null;
        }

        // All-capital tokens are acronyms ("IT", "OR", "LMS"), not function words.
        var spoken = words.Select(word => word.Text).Where(text => !IsAcronym(text)).ToList();
        var polish = spoken.Count(text => FunctionWords.Polish.Contains(text.ToLowerInvariant()) || text.AsSpan().IndexOfAny(PolishLetters) >= 0);
        foreach (var (language, functionWords) in Latin)
        {
            var hits = spoken.Count(text => functionWords.Contains(text.ToLowerInvariant()));

            // Product names and titles are capitalised; real prose has ordinary lower-case words between its function words.
            var lowerCaseContentWords = spoken.Count(text => char.IsLower(text[0]) && !functionWords.Contains(text.ToLowerInvariant()));
            if (polish == 0 && hits >= 2 && hits * 5 >= words.Count && lowerCaseContentWords >= 2)
            {
                return language;
            }
        }

        var foreign = spoken.Count(text => Latin.Any(l => l.Words.Contains(text.ToLowerInvariant())));
        if (foreign == 0 && polish >= 2 && polish * 4 >= words.Count)
        {
            return "pl";
        }

        return null;
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool IsAcronym(string text) => text.Length >= 2 && text.All(c => !char.IsLetter(c) || char.IsUpper(c));
}
