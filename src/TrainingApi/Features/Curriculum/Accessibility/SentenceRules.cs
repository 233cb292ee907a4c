using System.Buffers;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Rules judged sentence by sentence: unmarked passages in another language (WCAG 3.1.2) and overlong sentences (3.1.5).</summary>
internal static class SentenceRules
{
    public const int MaxWordsPerSentence = 25;

    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(":;()[]\"„”“«»–—");

    private static readonly Dictionary<string, (string En, string Pl)> LanguageNames = new(StringComparer.Ordinal)
    {
        ["en"] = ("English", "angielskim"),
        ["pl"] = ("Polish", "polskim"),
        ["de"] = ("German", "niemieckim"),
        ["fr"] = ("French", "francuskim"),
        ["uk"] = ("Ukrainian", "ukraińskim"),
        ["ru"] = ("Russian", "rosyjskim"),
    };

    public static void Check(IReadOnlyList<ProseSentence> sentences, CheckContext context)
    {
        foreach (var sentence in sentences)
        {
            CheckLanguage(sentence, context);
            CheckLength(sentence, context);
        }
    }

    private static void CheckLanguage(ProseSentence sentence, CheckContext context)
    {
        // The guesser knows Polish and English prose best; for any other document language its guesses would be noise.
        if (context.DocumentLanguage is not ("pl" or "en"))
        {
            return;
        }

        foreach (var clause in Clauses(sentence).Prepend(sentence.NativeWords))
        {
            var guessed = LanguageGuesser.Guess(clause);
            if (guessed is null || guessed == context.DocumentLanguage)
            {
                continue;
            }

            var (nameEn, namePl) = LanguageNames[guessed];
            var start = clause[0].Start;
            var end = clause[^1].Start + clause[^1].Text.Length;
            context.Report(AccessibilityRules.LanguageUnmarked, context.Map.At(sentence.Unit.SourceOffsetFrom(start)), sentence.Unit.Text[start..end],
                $"This passage looks like {nameEn}. Mark it so screen readers switch pronunciation: <span lang=\"{guessed}\">…</span>, or translate it.",
                $"Ten fragment wygląda na tekst w języku {namePl}. Oznacz go, aby czytnik ekranu zmienił wymowę: <span lang=\"{guessed}\">…</span>, albo przetłumacz go.");
            return;
        }
    }

    // A quotation is often introduced by a clause in the document language ("Komisja pisze: The school should…"),
    // so after the whole sentence each clause is judged alone, split at colons, semicolons, dashes, brackets and quotes.
    private static IEnumerable<IReadOnlyList<ProseWord>> Clauses(ProseSentence sentence)
    {
        var clause = new List<ProseWord>();
        foreach (var word in sentence.NativeWords)
        {
            var gapStart = clause.Count == 0 ? word.Start : clause[^1].Start + clause[^1].Text.Length;
            if (clause.Count > 0 && sentence.Unit.Text.AsSpan(gapStart, word.Start - gapStart).IndexOfAny(ClauseBreaks) >= 0)
            {
                yield return clause;
                clause = [];
            }

            clause.Add(word);
        }

        if (clause.Count > 0 && clause.Count < sentence.NativeWords.Count)
        {
            yield return clause;
        }
    }

    private static void CheckLength(ProseSentence sentence, CheckContext context)
    {
        if (sentence.Words.Count <= MaxWordsPerSentence)
        {
            return;
        }

        context.Report(AccessibilityRules.SentenceTooLong, context.Map.At(sentence.SourceOffset), sentence.Text,
            $"This sentence has {sentence.Words.Count} words. Split it into sentences of at most {MaxWordsPerSentence} words, one idea each.",
            $"To zdanie ma {sentence.Words.Count} słów. Podziel je na zdania po najwyżej {MaxWordsPerSentence} słów, każde z jedną myślą.");
    }
}
