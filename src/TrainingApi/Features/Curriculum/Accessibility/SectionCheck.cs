namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>The result of checking one section: its findings, and its readability when there is enough Polish prose to judge.</summary>
public sealed record SectionCheck(IReadOnlyList<AccessibilityFinding> Findings, PlainLanguageScore? PlainLanguage);
