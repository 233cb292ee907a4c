namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Every rule the checker knows. Ids are stable: they are part of finding ids that reviewers waive.
/// Criteria are WCAG 2.1; 3.1.5 (Reading Level) is AAA, so its rules only warn.
/// </summary>
internal static class AccessibilityRules
{
    public static readonly AccessibilityRule ImageAltMissing = new("image-alt-missing", "1.1.1", FindingSeverity.Error);
    public static readonly AccessibilityRule AltTextTooLong = new("alt-text-too-long", "1.1.1", FindingSeverity.Warning);
    public static readonly AccessibilityRule LinkTextEmpty = new("link-text-empty", "2.4.4", FindingSeverity.Error);
    public static readonly AccessibilityRule LinkTextMeaningless = new("link-text-meaningless", "2.4.4", FindingSeverity.Error);
    public static readonly AccessibilityRule LinkTextTooLong = new("link-text-too-long", "2.4.4", FindingSeverity.Warning);
    public static readonly AccessibilityRule HeadingLevelSkipped = new("heading-level-skipped", "1.3.1", FindingSeverity.Error);
    public static readonly AccessibilityRule HeadingLevelTooHigh = new("heading-level-too-high", "1.3.1", FindingSeverity.Error);
    public static readonly AccessibilityRule TableHeaderMissing = new("table-header-missing", "1.3.1", FindingSeverity.Error);
    public static readonly AccessibilityRule LanguageUnmarked = new("language-unmarked", "3.1.2", FindingSeverity.Error);
    public static readonly AccessibilityRule SentenceTooLong = new("sentence-too-long", "3.1.5", FindingSeverity.Warning);
    public static readonly AccessibilityRule PlainLanguageHard = new("plain-language-hard", "3.1.5", FindingSeverity.Warning);
}
