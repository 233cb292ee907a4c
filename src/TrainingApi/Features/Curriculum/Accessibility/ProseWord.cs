namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>A word of prose; <paramref name="Start"/> indexes the unit's text.</summary>
internal sealed record ProseWord(string Text, int Start, bool Foreign);
