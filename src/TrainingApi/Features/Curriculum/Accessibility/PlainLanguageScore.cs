namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>A readability estimate of a section's Polish prose: FOG-PL and, beside it, Pisarek's index.</summary>
/// <param name="Formula">Always <c>FOG-PL</c>.</param>
/// <param name="Score">Rounded to one decimal; roughly the years of schooling a reader needs.</param>
/// <param name="Words">Words counted (document-language prose only).</param>
/// <param name="Sentences">Sentences counted.</param>
/// <param name="HardWords">Words of four or more syllables.</param>
/// <param name="Pisarek">Pisarek's index of the same text (see <see cref="FogPl.Pisarek"/>), rounded to one decimal.</param>
/// <param name="Level"><c>easy</c>, <c>moderate</c>, <c>hard</c> or <c>very-hard</c>; see <see cref="FogPl"/> for the thresholds.</param>
public sealed record PlainLanguageScore(
    string Formula,
    double Score,
    int Words,
    int Sentences,
    int HardWords,
    string Level,
    double Pisarek);
