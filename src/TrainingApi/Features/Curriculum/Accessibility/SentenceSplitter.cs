using System.Collections.Frozen;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Splits a prose unit into sentences. A sentence ends at '.', '!', '?' or '…' followed by white space and a capital letter
/// (or by the end of the unit), unless the dot closes an abbreviation that is normally followed by a name or a number.
/// </summary>
internal static class SentenceSplitter
{
    // Abbreviations after which a capital letter does not start a new sentence ("np. Microsoft", "dr Nowak", "Dz.U. 2024").
    // Those that usually end a sentence ("itd.", "itp.", "r.") are deliberately absent.
    private static readonly FrozenSet<string> NonTerminalAbbreviations = new[]
    {
        "np", "m.in", "tj", "tzn", "tzw", "ok", "ds", "wg", "ww", "zob", "por", "ang", "łac", "pol",
        "dr", "prof", "mgr", "inż", "hab", "św", "ul", "al", "pl", "nr", "poz", "art", "ust", "pkt", "lit", "par",
        "dz", "dz.u", "dz.urz", "godz", "str", "s", "rozdz", "tab", "rys", "sp",
        "e.g", "i.e", "vs", "mr", "mrs", "ms", "no",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const string Terminators = ".!?…";
    private const string Closers = "\"'”’»)]";
    private const string Openers = "\"„«“(‘'";

    public static IReadOnlyList<ProseSentence> Split(ProseUnit unit)
    {
        var sentences = new List<ProseSentence>();
        var text = unit.Text;
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!Terminators.Contains(text[i], StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && (Terminators.Contains(text[end], StringComparison.Ordinal) || Closers.Contains(text[end], StringComparison.Ordinal)))
            {
                end++;
            }

            if (EndsSentence(text, i, end))
            {
                Add(sentences, unit, start, end);
                start = end;
            }

            i = end;
        }

        Add(sentences, unit, start, text.Length);
        return sentences;
    }

    private static void Add(List<ProseSentence> sentences, ProseUnit unit, int start, int end)
    {
        var words = WordTokenizer.Words(unit, start, end);
        if (words.Count > 0)
        {
            sentences.Add(new ProseSentence(unit, start, end, words));
        }
    }

    private static bool EndsSentence(string text, int terminator, int afterRun)
    {
        if (afterRun >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[afterRun]))
        {
            return false;
        }

        var next = afterRun;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        if (Openers.Contains(text[next], StringComparison.Ordinal) && next + 1 < text.Length)
        {
            next++;
        }

        if (!char.IsUpper(text[next]))
        {
            return false;
        }

        return text[terminator] != '.' || afterRun - terminator > 1 || !IsNonTerminalAbbreviation(text, terminator);
    }

    private static bool IsNonTerminalAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var token = text[start..dot];
        // A lone capital before a dot is an initial ("J. Kowalska").
        return (token.Length == 1 && char.IsUpper(token[0])) || NonTerminalAbbreviations.Contains(token.ToLowerInvariant());
    }
}
