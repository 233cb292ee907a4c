using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// Renders section Markdown to HTML for the public pages. Defence in depth: even Markdown that
/// <see cref="MarkdownSafety"/> would refuse comes out inert — raw HTML escaped, unsafe URLs as plain text.
/// </summary>
public static class MarkdownRendering
{
    /// <summary>The section's own HTML as the API stores and returns it: plain tables, and no knowledge of the version's assets.</summary>
    public static string ToHtml(string markdown) => Render(Markdown.Parse(markdown ?? throw new ArgumentNullException(nameof(markdown)), MarkdownPipelines.Standard));

    /// <summary>
    /// The HTML of a section placed under a title of level <paramref name="titleLevel"/> on a page of its own, with its
    /// headings renumbered so the page's outline is continuous: the first level below the title is titleLevel + 1, and no
    /// heading is more than one level below the one before it (authors write module content from ###, because the
    /// programme document makes a module title h2; on the module's own page the title is h1). Capped at h6.
    /// Images of the version's <paramref name="assets"/> get their width and height, links to attachments their format and size
    /// when the text lacks them, and every table scrolls sideways inside a focusable region named by its column headers, so the
    /// page itself never does at 320 CSS px (<see cref="ScrollableTableRenderer"/>); <paramref name="tableLabels"/>, shared by the
    /// sections of one page, keeps those names unique on it.
    /// </summary>
    public static string ForPage(string markdown, int titleLevel, IReadOnlyDictionary<string, AssetFacts>? assets = null, TableRegionLabels? tableLabels = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, MarkdownPipelines.Standard);
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count > 0)
        {
            // The shallowest heading the author used stands for "one level below the title".
            var shift = headings.Min(h => h.Level) - (titleLevel + 1);
            var previous = titleLevel;
            foreach (var heading in headings)
            {
                var level = Math.Clamp(heading.Level - shift, titleLevel + 1, previous + 1);
                heading.Level = Math.Min(level, 6);
                previous = heading.Level;
            }
        }

        return Render(document, assets, tableLabels ?? new TableRegionLabels());
    }

    private static string Render(MarkdownDocument document, IReadOnlyDictionary<string, AssetFacts>? assets = null, TableRegionLabels? tableLabels = null)
    {
        var pairing = LanguageSpanPairing.Of(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        MarkdownPipelines.Standard.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlBlockRenderer>(new EscapedHtmlBlockRenderer());
        renderer.ObjectRenderers.Replace<HtmlInlineRenderer>(new LanguageSpanOnlyHtmlInlineRenderer(pairing));
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkInlineRenderer(assets));
        if (tableLabels is not null)
        {
            renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(tableLabels));
        }

        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkInlineRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
