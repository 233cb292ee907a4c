using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Renders section Markdown to HTML for the public pages. Defence in depth: even Markdown that
/// <see cref="MarkdownSafety"/> would refuse comes out inert — raw HTML escaped, unsafe URLs as plain text.
/// </summary>
public static class MarkdownRendering
{
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, MarkdownPipelines.Standard);
        var pairing = LanguageSpanPairing.Of(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        MarkdownPipelines.Standard.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlBlockRenderer>(new EscapedHtmlBlockRenderer());
        renderer.ObjectRenderers.Replace<HtmlInlineRenderer>(new LanguageSpanOnlyHtmlInlineRenderer(pairing));
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkInlineRenderer());
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkInlineRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
