using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Refuses Markdown that could become active HTML once served to the public: raw HTML other than language spans,
/// and link or image URLs with a scheme other than http, https or mailto.
/// </summary>
public static class MarkdownSafety
{
    public static IReadOnlyList<MarkdownViolation> Validate(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, MarkdownPipelines.Standard);
        var map = new SourceMap(markdown);
        var found = new List<(int Offset, MarkdownViolation Violation)>();

        void Refuse(MarkdownObject node, string excerpt, string messageEn, string messagePl)
        {
            var position = map.Of(node);
            found.Add((node.Span.Start, new MarkdownViolation(position.Line, position.Column, Excerpt.Of(excerpt), messageEn, messagePl)));
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    Refuse(block, block.Lines.ToString(), SafetyMessages.HtmlBlockEn, SafetyMessages.HtmlBlockPl);
                    break;
                case HtmlInline html when !IsLanguageSpanTag(html.Tag):
                    Refuse(html, html.Tag, SafetyMessages.HtmlInlineEn, SafetyMessages.HtmlInlinePl);
                    break;
                case LinkInline link when link.Reference is null && !UrlSafety.IsSafe(link.Url):
                    Refuse(link, link.Url ?? "", SafetyMessages.UrlEn, SafetyMessages.UrlPl);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !UrlSafety.IsSafe(autolink.Url):
                    Refuse(autolink, autolink.Url, SafetyMessages.UrlEn, SafetyMessages.UrlPl);
                    break;
                case LinkReferenceDefinition definition when !UrlSafety.IsSafe(definition.Url):
                    Refuse(definition, definition.Url ?? "", SafetyMessages.UrlEn, SafetyMessages.UrlPl);
                    break;
            }
        }

        foreach (var tag in LanguageSpanPairing.Of(document).Unpaired)
        {
            Refuse(tag, tag.Tag, SafetyMessages.UnpairedSpanEn, SafetyMessages.UnpairedSpanPl);
        }

        return found.OrderBy(item => item.Offset).Select(item => item.Violation).ToList();
    }

    private static bool IsLanguageSpanTag(string tag) => LanguageSpanTag.OpeningLanguage(tag) is not null || LanguageSpanTag.IsClosing(tag);
}
