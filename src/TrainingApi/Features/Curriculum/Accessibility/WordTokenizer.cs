namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Splits prose into words: whitespace-separated tokens with surrounding punctuation removed that contain a letter or digit.
/// Web and e-mail addresses are skipped because they are not read as words.
/// </summary>
internal static class WordTokenizer
{
    public static IReadOnlyList<ProseWord> Words(ProseUnit unit, int start, int end)
    {
        var words = new List<ProseWord>();
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(unit.Text[i]))
            {
                i++;
            }

            var tokenStart = i;
            while (i < end && !char.IsWhiteSpace(unit.Text[i]))
            {
                i++;
            }

            if (TrimToWord(unit.Text, tokenStart, i) is { } word && !IsAddress(unit.Text[tokenStart..i]))
            {
                words.Add(new ProseWord(unit.Text.Substring(word.Start, word.Length), word.Start, unit.IsForeign(word.Start)));
            }
        }

        return words;
    }

    private static (int Start, int Length)? TrimToWord(string text, int start, int end)
    {
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return end > start ? (start, end - start) : null;
    }

    private static bool IsAddress(string token) =>
        token.Contains("://", StringComparison.Ordinal)
        || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || token.Contains('@', StringComparison.Ordinal);
}
