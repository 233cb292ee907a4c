namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>A construct in stored Markdown that could become active HTML for the public, so it is refused.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Excerpt">The refused text, at most 80 characters.</param>
/// <param name="MessageEn">What to change, in English.</param>
/// <param name="MessagePl">What to change, in Polish.</param>
public sealed record MarkdownViolation(int Line, int Column, string Excerpt, string MessageEn, string MessagePl);
