using System.Buffers;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Tells whether a sentence is clearly English or clearly Polish, and otherwise says nothing.
/// Tuned against false alarms: English terms inside Polish sentences ("Wi-Fi", "e-learning", "Microsoft Teams for Education")
/// must not be reported, so a sentence counts as English only when it reads like English prose throughout.
/// </summary>
internal static class LanguageGuesser
{
    public const int MinimumWords = 6;

    private static readonly SearchValues<char> PolishLetters = SearchValues.Create("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ");

    /// <summary>"en", "pl", or null when the sentence is too short or not clearly either.</summary>
    public static string? Guess(IReadOnlyList<ProseWord> words)
    {
        if (words.Count < MinimumWords)
        {
            return null;
        }

        // All-capital tokens are acronyms ("IT", "OR", "LMS"), not function words.
        var spoken = words.Select(word => word.Text).Where(text => !IsAcronym(text)).ToList();
        var english = spoken.Count(text => FunctionWords.English.Contains(text.ToLowerInvariant()));
        var polish = spoken.Count(text => FunctionWords.Polish.Contains(text.ToLowerInvariant()) || text.AsSpan().IndexOfAny(PolishLetters) >= 0);

        // Product names and titles are capitalised; real English prose has ordinary lower-case words between its function words.
        var lowerCaseContentWords = spoken.Count(text => char.IsLower(text[0]) && !FunctionWords.English.Contains(text.ToLowerInvariant()));

        if (polish == 0 && english >= 2 && english * 5 >= words.Count && lowerCaseContentWords >= 2)
        {
            return "en";
        }

        if (english == 0 && polish >= 2 && polish * 4 >= words.Count)
        {
            return "pl";
        }

        return null;
    }

    private static bool IsAcronym(string text) => text.Length >= 2 && text.All(c => !char.IsLetter(c) || char.IsUpper(c));
}
