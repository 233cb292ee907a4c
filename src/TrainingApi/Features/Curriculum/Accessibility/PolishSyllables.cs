namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Counts syllables of a Polish word as its vowels (a, ą, e, ę, i, o, ó, u, y), except that an "i" directly before another vowel
/// only softens the consonant and is not a syllable of its own: "nie" = 1, "wiedza" = 2, "informacja" = 4.
/// </summary>
internal static class PolishSyllables
{
    private const string Vowels = "aąeęioóuy";

    public static int Count(string word)
    {
        var lower = word.ToLowerInvariant();
        var syllables = 0;
        for (var i = 0; i < lower.Length; i++)
        {
            if (!IsVowel(lower[i]))
            {
                continue;
            }

            var softensNextVowel = lower[i] == 'i' && i + 1 < lower.Length && IsVowel(lower[i + 1]);
            if (!softensNextVowel)
            {
                syllables++;
            }
        }

        return syllables;
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);
}
