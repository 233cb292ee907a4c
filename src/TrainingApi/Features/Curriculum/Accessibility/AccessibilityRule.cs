namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>A rule the checker applies: its stable id, the WCAG criterion behind it, and how serious a breach is.</summary>
internal sealed record AccessibilityRule(string Id, string Criterion, FindingSeverity Severity);
