namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// FOG-PL, the Gunning fog index adapted to Polish in the Jasnopis project
/// (Broda, Nitoń, Gruszczyński, Ogrodniczuk): FOG-PL = 0.4 × (words / sentences + 100 × hardWords / words),
/// where hard words have four or more syllables (Polish words are longer than English ones, hence four rather than three).
/// The score approximates the years of schooling a reader needs. Levels:
/// <list type="bullet">
/// <item><c>easy</c>: ≤ 9 — primary school; meets WCAG 3.1.5 (lower secondary level) without a simplified version.</item>
/// <item><c>moderate</c>: ≤ 12 — secondary school; acceptable for officials, the audience of this programme.</item>
/// <item><c>hard</c>: ≤ 17 — university; the checker warns (plain-language-hard).</item>
/// <item><c>very-hard</c>: &gt; 17 — specialist text.</item>
/// </list>
/// </summary>
public static class FogPl
{
    public const string Formula = "FOG-PL";
    public const int MinimumWords = 10;
    public const int HardWordSyllables = 4;
    public const double EasyMax = 9;
    public const double ModerateMax = 12;
    public const double HardMax = 17;

    internal static PlainLanguageScore? Score(IReadOnlyList<ProseSentence> sentences)
    {
        var words = sentences.SelectMany(sentence => sentence.NativeWords).Select(word => word.Text).ToList();
        var sentenceCount = sentences.Count(sentence => sentence.NativeWords.Count > 0);
        if (words.Count < MinimumWords || sentenceCount == 0)
        {
            return null;
        }

        var hardWords = words.Count(word => PolishSyllables.Count(word) >= HardWordSyllables);
        var raw = 0.4 * (((double)words.Count / sentenceCount) + (100.0 * hardWords / words.Count));
        var score = Math.Round(raw, 1, MidpointRounding.AwayFromZero);
        var meanSentence = (double)words.Count / sentenceCount;
        var hardPercent = 100.0 * hardWords / words.Count;
        return new PlainLanguageScore(Formula, score, words.Count, sentenceCount, hardWords, LevelOf(score), Pisarek(meanSentence, hardPercent));
    }

    /// <summary>
    /// Pisarek's index (W. Pisarek, "Jak mierzyć zrozumiałość tekstu?", Zeszyty Prasoznawcze 1969; the non-linear form used by
    /// Jasnopis, Broda et al., LREC 2014): P = ½ × √(x² + y²), x the mean sentence length in words, y the percentage of words of
    /// four or more syllables. Read on Pisarek's scale: up to 6 very easy, 7–12 fairly easy to fairly hard, 13–18 hard, above 18 very hard.
    /// Shown beside FOG-PL; the warning follows FOG-PL alone.
    /// </summary>
    public static double Pisarek(double meanSentenceLength, double hardWordPercent) =>
        Math.Round(0.5 * Math.Sqrt((meanSentenceLength * meanSentenceLength) + (hardWordPercent * hardWordPercent)), 1, MidpointRounding.AwayFromZero);

    public static bool IsHard(PlainLanguageScore score) => score.Score > ModerateMax;

    private static string LevelOf(double score) => score switch
    {
        <= EasyMax => "easy",
        <= ModerateMax => "moderate",
        <= HardMax => "hard",
        _ => "very-hard",
    };
}
