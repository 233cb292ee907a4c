namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Every rule the checker knows. Ids are stable: they are part of finding ids that reviewers waive.
/// Criteria are WCAG 2.1; 3.1.5 (Reading Level) and 1.4.8 (Visual Presentation) are AAA, so their rules only warn.
/// Heading levels are errors in the source but the exporter repairs them (it renumbers the outline), so they may be waived.
/// </summary>
public static class AccessibilityRules
{
    internal static readonly AccessibilityRule ImageAltMissing = new("image-alt-missing", "1.1.1", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule ImageAltGeneric = new("image-alt-generic", "1.1.1", FindingSeverity.Error);
    internal static readonly AccessibilityRule ImageSourceMissing = new("image-source-missing", "1.1.1", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule AssetMissing = new("asset-missing", "1.1.1", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule AssetKindMismatch = new("asset-kind-mismatch", "1.1.1", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule AltTextTooLong = new("alt-text-too-long", "1.1.1", FindingSeverity.Warning);
    internal static readonly AccessibilityRule LinkTextEmpty = new("link-text-empty", "2.4.4", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule LinkTextMeaningless = new("link-text-meaningless", "2.4.4", FindingSeverity.Error);
    internal static readonly AccessibilityRule AttachmentLinkUndescribed = new("attachment-link-undescribed", "2.4.4", FindingSeverity.Error);
    internal static readonly AccessibilityRule LinkTextTooLong = new("link-text-too-long", "2.4.4", FindingSeverity.Warning);
    internal static readonly AccessibilityRule LinkTextAmbiguous = new("link-text-ambiguous", "2.4.4", FindingSeverity.Warning);
    internal static readonly AccessibilityRule HeadingEmpty = new("heading-empty", "2.4.6", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule HeadingLevelSkipped = new("heading-level-skipped", "1.3.1", FindingSeverity.Error);
    internal static readonly AccessibilityRule HeadingLevelTooHigh = new("heading-level-too-high", "1.3.1", FindingSeverity.Error);
    internal static readonly AccessibilityRule BoldAsHeading = new("bold-as-heading", "1.3.1", FindingSeverity.Error);
    internal static readonly AccessibilityRule TableHeaderMissing = new("table-header-missing", "1.3.1", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule TableHeaderCellEmpty = new("table-header-cell-empty", "1.3.1", FindingSeverity.Error, Unrepairable: true);
    internal static readonly AccessibilityRule SensoryInstruction = new("sensory-instruction", "1.3.3", FindingSeverity.Warning);
    internal static readonly AccessibilityRule AllCaps = new("all-caps", "1.4.8", FindingSeverity.Warning);
    internal static readonly AccessibilityRule LanguageUnmarked = new("language-unmarked", "3.1.2", FindingSeverity.Error);
    internal static readonly AccessibilityRule SentenceTooLong = new("sentence-too-long", "3.1.5", FindingSeverity.Warning);
    internal static readonly AccessibilityRule PlainLanguageHard = new("plain-language-hard", "3.1.5", FindingSeverity.Warning);

    internal static IReadOnlyList<AccessibilityRule> All { get; } =
    [
        ImageAltMissing, ImageAltGeneric, ImageSourceMissing, AssetMissing, AssetKindMismatch, AltTextTooLong,
        LinkTextEmpty, LinkTextMeaningless, AttachmentLinkUndescribed, LinkTextTooLong, LinkTextAmbiguous,
        HeadingEmpty, HeadingLevelSkipped, HeadingLevelTooHigh, BoldAsHeading, TableHeaderMissing, TableHeaderCellEmpty, SensoryInstruction, AllCaps,
        LanguageUnmarked, SentenceTooLong, PlainLanguageHard,
    ];

    /// <summary>Every rule id with its WCAG criterion and severity, in a stable order (for documentation and the corpus figures).</summary>
    public static IReadOnlyList<(string Id, string Criterion, FindingSeverity Severity, bool Unrepairable)> Catalogue { get; } =
        [.. All.Select(r => (r.Id, r.Criterion, r.Severity, r.Unrepairable))];

    /// <summary>Rule ids whose findings block publication even when waived (see <see cref="AccessibilityRule"/>).</summary>
    public static IReadOnlySet<string> Unrepairable { get; } = All.Where(r => r.Unrepairable).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
}
