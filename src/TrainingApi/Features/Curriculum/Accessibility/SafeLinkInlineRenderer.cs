using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Renders a link or image with an unsafe URL as its text alone, so the page keeps the words but not the active link; and
/// an image marked decorative (<see cref="DecorativeImage"/>) with <c>alt=""</c> and without the marker as its title.
/// </summary>
internal sealed class SafeLinkInlineRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (!UrlSafety.IsSafe(link.GetDynamicUrl?.Invoke() ?? link.Url))
        {
            renderer.WriteChildren(link);
            return;
        }

        if (DecorativeImage.IsMarked(link))
        {
            renderer.Write("<img src=\"").WriteEscapeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url).Write("\" alt=\"\">");
            return;
        }

        base.Write(renderer, link);
    }
}
