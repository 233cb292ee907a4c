namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>A 1-based line and column in the Markdown source.</summary>
internal readonly record struct SourcePosition(int Line, int Column);
