namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// A rule the checker applies: its stable id, the WCAG criterion behind it, and how serious a breach is.
/// <paramref name="Unrepairable"/>: the published page would fail for everyone whatever a reviewer decides, and the exporter
/// cannot mend it (an image with no description, a link or heading with no name, an image the package cannot hold), so a
/// waiver does not let it reach the public: publication refuses it.
/// </summary>
internal sealed record AccessibilityRule(string Id, string Criterion, FindingSeverity Severity, bool Unrepairable = false);
