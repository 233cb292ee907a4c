using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;
using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Renders a link or image with an unsafe URL as its text alone, so the page keeps the words but not the active link; and
/// an image marked decorative (<see cref="DecorativeImage"/>) with <c>alt=""</c> and without the marker as its title.
/// Given the assets of the page's version: an image of an asset gets its <c>width</c> and <c>height</c>, so the page does not
/// jump while it loads, and a link to an attachment says its format and size when its text does not (" (PDF, 1,2 MB)").
/// </summary>
internal sealed class SafeLinkInlineRenderer(IReadOnlyDictionary<string, AssetFacts>? assets = null) : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        if (!UrlSafety.IsSafe(url))
        {
            renderer.WriteChildren(link);
            return;
        }

        var asset = AssetReferences.NameOf(url) is { } name && assets is not null && assets.TryGetValue(name, out var found) ? found : null;
        if (link.IsImage && asset is { Kind: AssetKind.Image, Width: { } width, Height: { } height })
        {
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("width", width.ToString(CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("height", height.ToString(CultureInfo.InvariantCulture));
        }

        if (DecorativeImage.IsMarked(link))
        {
            renderer.Write("<img src=\"").WriteEscapeUrl(url).Write("\" alt=\"\"").WriteAttributes(link).Write(">");
            return;
        }

        if (!link.IsImage && asset is { Kind: AssetKind.Attachment } attachment
            && AttachmentLinkText.MissingSuffix(InlineText.Of(link), attachment) is { Length: > 0 } suffix)
        {
            renderer.Write("<a href=\"").WriteEscapeUrl(url).Write("\"").WriteAttributes(link);
            if (!string.IsNullOrEmpty(link.Title))
            {
                renderer.Write(" title=\"").WriteEscape(link.Title).Write("\"");
            }

            renderer.Write(">");
            renderer.WriteChildren(link);
            renderer.WriteEscape(suffix).Write("</a>");
            return;
        }

        base.Write(renderer, link);
    }
}
