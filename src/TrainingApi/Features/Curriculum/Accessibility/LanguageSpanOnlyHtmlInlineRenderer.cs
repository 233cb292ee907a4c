using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Emits paired language spans as HTML and escapes every other inline tag.
/// The span is rebuilt from the validated language code rather than copied, so nothing but <c>lang</c> can reach the page.
/// </summary>
internal sealed class LanguageSpanOnlyHtmlInlineRenderer(LanguageSpanPairing pairing) : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj)
    {
        if (pairing.Paired.Contains(obj))
        {
            var language = LanguageSpanTag.OpeningLanguage(obj.Tag);
            renderer.Write(language is null ? "</span>" : $"<span lang=\"{language}\">");
            return;
        }

        renderer.WriteEscape(obj.Tag);
    }
}
