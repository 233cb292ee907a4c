namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>One accessibility problem found in a section's Markdown.</summary>
/// <param name="Id">Stable key <c>{anchor}:{rule}:{line}:{column}</c>, so that a reviewer can waive exactly this finding.</param>
/// <param name="Rule">The rule id, e.g. <c>image-alt-missing</c>.</param>
/// <param name="Criterion">The WCAG 2.1 success criterion, e.g. <c>1.1.1</c>.</param>
/// <param name="Severity">Error for AA non-conformance, Warning for advice.</param>
/// <param name="Anchor">The section anchor the Markdown belongs to.</param>
/// <param name="Line">1-based line in the section's Markdown.</param>
/// <param name="Column">1-based column in the section's Markdown.</param>
/// <param name="Excerpt">The offending text, at most 80 characters.</param>
/// <param name="MessageEn">What to do, in English.</param>
/// <param name="MessagePl">What to do, in Polish.</param>
public sealed record AccessibilityFinding(
    string Id,
    string Rule,
    string Criterion,
    FindingSeverity Severity,
    string Anchor,
    int Line,
    int Column,
    string Excerpt,
    string MessageEn,
    string MessagePl);
