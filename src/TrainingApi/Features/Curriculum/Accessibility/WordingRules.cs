using System.Text.RegularExpressions;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Rules judged on the words of each prose unit:
/// <list type="bullet">
/// <item>WCAG 1.3.3 / 1.4.1: instructions that rely on colour, place or shape alone ("zaznaczone na czerwono", "po prawej
/// stronie", "okrągły przycisk") leave out people who cannot see them; warned, because the same sentence may also give
/// another cue, which the checker cannot judge.</item>
/// <item>WCAG 1.4.8 (AAA, advice): passages in capitals are slow to read and some screen readers spell them out; three or
/// more capitalised words in a row, as acronyms rarely come.</item>
/// </list>
/// Passages marked as another language are skipped.
/// </summary>
internal static partial class WordingRules
{
    public const int MinCapitalLetters = 12;

    public static void Check(IReadOnlyList<ProseUnit> units, CheckContext context)
    {
        foreach (var unit in units)
        {
            if (context.DocumentLanguage == "pl" && SensoryPl().Match(unit.Text) is { Success: true } cue && !unit.IsForeign(cue.Index))
            {
                context.Report(AccessibilityRules.SensoryInstruction, context.Map.At(unit.SourceOffsetFrom(cue.Index)), cue.Value,
                    $"\"{cue.Value}\" relies on colour, position or shape, which not everyone can see. Name the thing too (its label, heading or number).",
                    $"„{cue.Value}” opiera się na kolorze, położeniu lub kształcie, których nie każdy widzi. Nazwij też sam element (jego etykietę, nagłówek lub numer).");
            }

            foreach (Match caps in Capitals().Matches(unit.Text))
            {
                if (unit.IsForeign(caps.Index) || caps.Value.Count(char.IsLetter) < MinCapitalLetters)
                {
                    continue;
                }

                context.Report(AccessibilityRules.AllCaps, context.Map.At(unit.SourceOffsetFrom(caps.Index)), caps.Value,
                    "A passage in capitals is hard to read and some screen readers spell it letter by letter. Write it in ordinary case; use bold (**…**) for emphasis.",
                    "Fragment pisany wielkimi literami trudno się czyta, a niektóre czytniki ekranu literują go. Zapisz go zwykłymi literami; do wyróżnienia użyj pogrubienia (**…**).");
                break;
            }
        }
    }

    // Colour words joined to a marking verb or "na …" / "kolorem …", and positions and shapes used to point at things.
    [GeneratedRegex(
        @"\b(?:(?:zaznaczon|oznaczon|wyróżnion|podkreślon|zakreślon|pokolorowan)\w*\s+(?:na\s+|kolorem\s+)?(?:czerwon|zielon|niebiesk|żółt|pomarańczow|fioletow|szar|czarn|różow)\w*" +
        @"|na\s+(?:czerwono|zielono|niebiesko|żółto|pomarańczowo|fioletowo|szaro|różowo)" +
        @"|(?:w\s+)?kolorze\s+(?:czerwonym|zielonym|niebieskim|żółtym|pomarańczowym)" +
        @"|(?:czerwon|zielon|niebiesk|żółt)\w*\s+(?:przycisk|pol|ramk|kolumn|wiersz|tekst|napis|ikon|strzałk)\w*" +
        @"|po\s+(?:prawej|lewej)(?:\s+stronie)?|w\s+(?:prawym|lewym)\s+(?:górnym|dolnym)\s+rogu|(?:powyżej|poniżej)\s+na\s+(?:rysunku|obrazku)" +
        @"|(?:okrągł|kwadratow|trójkątn)\w*\s+(?:przycisk|ikon)\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensoryPl();

    // Three or more words of capitals (two letters or more, Polish letters included) in a row.
    [GeneratedRegex(@"\b\p{Lu}{2,}(?:[ \t,;:\-–]+\p{Lu}{2,}){2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Capitals();
}
