namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// The plain text of one paragraph, heading or table cell, with, for every character, its offset in the Markdown source
/// (-1 where a separator was inserted) and whether it lies inside a passage marked as another language.
/// </summary>
internal sealed class ProseUnit(ProseKind kind, string text, IReadOnlyList<int> offsets, IReadOnlyList<bool> foreign)
{
    public ProseKind Kind { get; } = kind;

    public string Text { get; } = text;

    public bool IsForeign(int index) => foreign[index];

    /// <summary>The source offset of the first real character at or after <paramref name="index"/>.</summary>
    public int SourceOffsetFrom(int index)
    {
        for (var i = index; i < offsets.Count; i++)
        {
            if (offsets[i] >= 0)
            {
                return offsets[i];
            }
        }

        return offsets.FirstOrDefault(offset => offset >= 0);
    }
}
