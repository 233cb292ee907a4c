using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>Renders a link or image with an unsafe URL as its text alone, so the page keeps the words but not the active link.</summary>
internal sealed class SafeLinkInlineRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (UrlSafety.IsSafe(link.GetDynamicUrl?.Invoke() ?? link.Url))
        {
            base.Write(renderer, link);
            return;
        }

        renderer.WriteChildren(link);
    }
}
