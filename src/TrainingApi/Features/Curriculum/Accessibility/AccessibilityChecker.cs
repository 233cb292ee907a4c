using Markdig;
using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Checks one section's Markdown against WCAG 2.1 AA rules that can be judged from the text alone.</summary>
public static class AccessibilityChecker
{
    /// <param name="anchor">The section anchor; part of every finding id.</param>
    /// <param name="markdown">CommonMark with pipe tables.</param>
    /// <param name="baseHeadingLevel">The HTML level of the section's own title when rendered (2 for a module, 3 for a unit).</param>
    /// <param name="documentLanguage">The language of the text; passages in another language must be marked with <c>&lt;span lang&gt;</c>.</param>
    /// <param name="assets">
    /// The version's images and attachments by name: references to <c>assets/{name}</c> must name one of the right kind, and a link
    /// to an attachment must say its format and size. Null when the text belongs to no version yet: such references are not judged.
    /// </param>
    public static SectionCheck Check(string anchor, string markdown, int baseHeadingLevel = 2, string documentLanguage = "pl",
        IReadOnlyDictionary<string, AssetFacts>? assets = null)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(documentLanguage);

        var document = Markdown.Parse(markdown, MarkdownPipelines.Standard);
        var context = new CheckContext(anchor, markdown, baseHeadingLevel, documentLanguage, assets);

        ImageRules.Check(document, context);
        AssetRules.Check(document, context);
        LinkRules.Check(document, context);
        HeadingRules.Check(document, context);
        TableRules.Check(document, context);

        var units = ProseExtractor.Extract(document, context.DocumentLanguage);
        WordingRules.Check(units, context);
        var sentences = units.SelectMany(SentenceSplitter.Split).ToList();
        SentenceRules.Check(sentences, context);
        var plainLanguage = PlainLanguageRule.Check(sentences.Where(sentence => sentence.Unit.Kind == ProseKind.Paragraph).ToList(), context);

        var findings = context.Findings
            .OrderBy(finding => finding.Line)
            .ThenBy(finding => finding.Column)
            .ThenBy(finding => finding.Rule, StringComparer.Ordinal)
            .ToList();
        return new SectionCheck(findings, plainLanguage);
    }
}
