using System.Collections.Frozen;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Frequent short words that give away the language of a sentence. Words spelled the same in both languages
/// ("a", "i", "to", "on", "do", "by", "we", "no", "my", "ten") are in neither list, so they never tip the balance.
/// </summary>
internal static class FunctionWords
{
    public static readonly FrozenSet<string> English = new[]
    {
        "the", "and", "of", "is", "for", "with", "that", "this", "are", "be", "in", "it", "as", "at", "an", "or", "from",
        "were", "will", "can", "should", "have", "has", "had", "not", "you", "they", "their", "our", "your",
        "which", "who", "what", "how", "all", "about", "into", "than", "also", "if", "does", "been", "its", "these",
        "those", "there", "would", "could", "must", "may", "more", "when", "where", "each", "every", "between",
        "through", "such", "other", "only", "any", "some", "very", "he", "she", "them", "his", "her", "us",
        "but", "because", "while", "after", "before", "then", "why", "just", "so", "being", "over", "out",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Polish = new[]
    {
        "w", "z", "na", "się", "że", "jest", "nie", "o", "jak", "od", "po", "dla", "oraz", "lub", "są", "jego", "jej",
        "ich", "przez", "przy", "który", "która", "które", "którzy", "tym", "tego", "ta", "te", "czy", "ale", "aby",
        "tak", "także", "również", "być", "może", "już", "co", "gdzie", "ze", "za", "pod", "nad", "bez", "u", "tylko",
        "też", "jako", "jeśli", "gdy", "ma", "mają", "będzie", "będą", "można", "należy", "każdy", "każda",
    }.ToFrozenSet(StringComparer.Ordinal);

    // German and French: only words spelled differently from Polish and English ones ("die", not "in" or "on").
    public static readonly FrozenSet<string> German = new[]
    {
        "der", "die", "das", "und", "ist", "nicht", "für", "von", "zu", "den", "dem", "des", "ein", "eine", "einen", "einer", "auf",
        "sich", "auch", "werden", "wird", "sind", "wir", "es", "oder", "aber", "wenn", "dass", "nach", "bei", "über", "unter",
        "aus", "durch", "noch", "nur", "schon", "kann", "können", "müssen", "soll", "sollte", "hat", "haben", "zum", "zur", "vor",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> French = new[]
    {
        "le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "pour", "qui", "que", "sur", "avec", "ce", "cette", "sont",
        "être", "nous", "vous", "ils", "elle", "au", "aux", "mais", "ou", "leur", "leurs", "ses", "doit", "peut", "ont", "été",
    }.ToFrozenSet(StringComparer.Ordinal);
}
