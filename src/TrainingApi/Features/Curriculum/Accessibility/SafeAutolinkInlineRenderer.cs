using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>CommonMark autolinks accept any scheme (<c>&lt;javascript:…&gt;</c>); an unsafe one is shown as plain text.</summary>
internal sealed class SafeAutolinkInlineRenderer : AutolinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline obj)
    {
        if (obj.IsEmail || UrlSafety.IsSafe(obj.Url))
        {
            base.Write(renderer, obj);
            return;
        }

        renderer.WriteEscape(obj.Url);
    }
}
