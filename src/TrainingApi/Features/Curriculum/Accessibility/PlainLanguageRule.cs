namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>WCAG 3.1.5 (AAA, advisory): warns when the section's Polish prose needs more than secondary-school reading skills.</summary>
internal static class PlainLanguageRule
{
    public static PlainLanguageScore? Check(IReadOnlyList<ProseSentence> paragraphSentences, CheckContext context)
    {
        // FOG-PL is calibrated on Polish only.
        if (context.DocumentLanguage != "pl")
        {
            return null;
        }

        var score = FogPl.Score(paragraphSentences);
        if (score is null || !FogPl.IsHard(score))
        {
            return score;
        }

        var first = paragraphSentences.First(sentence => sentence.NativeWords.Count > 0);
        context.Report(AccessibilityRules.PlainLanguageHard, context.Map.At(first.SourceOffset), $"{FogPl.Formula} {score.Score:0.0}",
            $"The text is hard to read ({FogPl.Formula} {score.Score:0.0}, level {score.Level}; aim for at most {FogPl.ModerateMax}). " +
            $"Use shorter sentences ({score.Words / score.Sentences} words on average now) and fewer long words ({score.HardWords} of {score.Words}).",
            $"Tekst jest trudny w odbiorze ({FogPl.Formula} {score.Score:0.0}, poziom {score.Level}; cel: najwyżej {FogPl.ModerateMax}). " +
            $"Pisz krótszymi zdaniami (teraz średnio {score.Words / score.Sentences} słów) i używaj mniej długich słów ({score.HardWords} z {score.Words}).");
        return score;
    }
}
