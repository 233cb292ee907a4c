using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>What every rule needs while checking one section, and where it reports.</summary>
internal sealed class CheckContext(string anchor, string markdown, int baseHeadingLevel, string documentLanguage, IReadOnlyDictionary<string, AssetFacts>? assets = null)
{
    private readonly List<AccessibilityFinding> findings = [];

    public SourceMap Map { get; } = new(markdown);

    public int BaseHeadingLevel { get; } = baseHeadingLevel;

    /// <summary>Primary language subtag in lower case, e.g. "pl".</summary>
    public string DocumentLanguage { get; } = LanguageSpanTag.PrimaryLanguage(documentLanguage);

    /// <summary>The version's assets by name; null when the text is checked outside a version, so references to assets are not judged.</summary>
    public IReadOnlyDictionary<string, AssetFacts>? Assets { get; } = assets;

    public IReadOnlyList<AccessibilityFinding> Findings => findings;

    public void Report(AccessibilityRule rule, SourcePosition at, string excerpt, string messageEn, string messagePl) =>
        findings.Add(new AccessibilityFinding(
            $"{anchor}:{rule.Id}:{at.Line}:{at.Column}",
            rule.Id,
            rule.Criterion,
            rule.Severity,
            anchor,
            at.Line,
            at.Column,
            Excerpt.Of(excerpt),
            messageEn,
            messagePl));
}
