namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>A sentence of a prose unit, with its words; <see cref="NativeWords"/> excludes passages marked as another language.</summary>
internal sealed record ProseSentence(ProseUnit Unit, int Start, int End, IReadOnlyList<ProseWord> Words)
{
    public string Text => Unit.Text[Start..End].Trim();

    public IReadOnlyList<ProseWord> NativeWords { get; } = Words.Where(word => !word.Foreign).ToList();

    public int SourceOffset => Unit.SourceOffsetFrom(Words.Count > 0 ? Words[0].Start : Start);
}
