using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Shows a raw HTML block as visible text instead of markup, so a block that slipped past validation stays inert.</summary>
internal sealed class EscapedHtmlBlockRenderer : HtmlObjectRenderer<HtmlBlock>
{
    protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<p>");
        renderer.WriteLeafRawLines(obj, writeEndOfLines: true, escape: true);
        renderer.Write("</p>");
        renderer.EnsureLine();
    }
}
