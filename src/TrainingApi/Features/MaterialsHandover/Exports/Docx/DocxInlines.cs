using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax.Inlines;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Assets;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// Markdown inlines as the content of a Word paragraph, with the same defences as the HTML pages (<see cref="MarkdownRendering"/>):
/// raw HTML is text, never interpreted, except paired <c>&lt;span lang&gt;</c> tags, which set the language of the runs between
/// them (so Word's speller and a screen reader switch language there); a link or image with an unsafe address keeps its words
/// but not the link.
/// </summary>
internal sealed class DocxInlines(DocxContext context, LanguageSpanPairing pairing)
{
    private readonly Stack<string> languages = new();

    public List<OpenXmlElement> Of(ContainerInline? container, RunFormat format = default)
    {
        var output = new List<OpenXmlElement>();
        if (container is not null)
        {
            Walk(container, format, output);
        }

        return output;
    }

    private void Walk(ContainerInline container, RunFormat format, List<OpenXmlElement> output)
    {
        foreach (var inline in container)
        {
            var current = languages.Count > 0 ? format with { Language = languages.Peek() } : format;
            switch (inline)
            {
                case LiteralInline literal:
                    output.Add(DocxRuns.Text(literal.Content.ToString(), current));
                    break;
                case HtmlEntityInline entity:
                    output.Add(DocxRuns.Text(entity.Transcoded.ToString(), current));
                    break;
                case CodeInline code:
                    output.Add(DocxRuns.Text(code.Content, current with { Code = true }));
                    break;
                case LineBreakInline lineBreak:
                    output.Add(lineBreak.IsHard ? new Run(new Break()) : DocxRuns.Text(" ", current));
                    break;
                case HtmlInline html:
                    Html(html, current, output);
                    break;
                case AutolinkInline autolink:
                    var target = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                    output.Add(UrlSafety.IsSafe(target)
                        ? DocxRuns.External(context, target, [DocxRuns.Text(autolink.Url, current with { Link = true })])
                        : DocxRuns.Text(autolink.Url, current));
                    break;
                case LinkInline { IsImage: true } image:
                    Image(image, current, output);
                    break;
                case LinkInline link:
                    Link(link, current, output);
                    break;
                case EmphasisInline emphasis:
                    Walk(emphasis, emphasis.DelimiterCount >= 2 ? current with { Bold = true } : current with { Italic = true }, output);
                    break;
                case ContainerInline child:
                    Walk(child, current, output);
                    break;
            }
        }
    }

    private void Html(HtmlInline html, RunFormat format, List<OpenXmlElement> output)
    {
        if (pairing.Paired.Contains(html))
        {
            if (LanguageSpanTag.OpeningLanguage(html.Tag) is { } language)
            {
                languages.Push(language);
            }
            else
            {
                languages.Pop();
            }

            return;
        }

        output.Add(DocxRuns.Text(html.Tag, format));
    }

    private void Link(LinkInline link, RunFormat format, List<OpenXmlElement> output)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "";
        if (!UrlSafety.IsSafe(url))
        {
            Walk(link, format, output);
            return;
        }

        var content = new List<OpenXmlElement>();
        Walk(link, format with { Link = true }, content);
        if (url.StartsWith('#'))
        {
            // A link to another section of the release: to its heading's bookmark when this document has it, else its words.
            var bookmark = DocxOutline.BookmarkOf(url[1..]);
            if (context.Outline.Knows(bookmark))
            {
                output.Add(new Hyperlink(content) { Anchor = bookmark, History = true });
            }
            else
            {
                Walk(link, format, output);
            }

            return;
        }

        // An attachment (assets/x.pdf) leads to where the package keeps it, beside the pages (the documents are in docx/), and
        // says its format and size when its words do not, as the exported pages do.
        if (AssetReferences.NameOf(url) is { } name && context.AssetsByName.TryGetValue(name, out var attachment) && attachment.Kind == AssetKind.Attachment)
        {
            if (AttachmentLinkText.MissingSuffix(InlineText.Of(link), attachment) is { Length: > 0 } suffix)
            {
                content.Add(DocxRuns.Text(suffix, format with { Link = true }));
            }

            url = "../html/" + attachment.Path;
        }

        output.Add(DocxRuns.External(context, url, content));
    }

    private void Image(LinkInline image, RunFormat format, List<OpenXmlElement> output)
    {
        var url = image.GetDynamicUrl?.Invoke() ?? image.Url ?? "";
        var alt = InlineText.Of(image);
        var decorative = DecorativeImage.IsMarked(image);
        if (UrlSafety.IsSafe(url) && AssetReferences.NameOf(url) is { } name && context.AssetsByName.TryGetValue(name, out var asset) && asset.Kind == AssetKind.Image)
        {
            output.Add(DocxImages.Inline(context, asset, alt, decorative));
            return;
        }

        // An image from elsewhere is not fetched (the document must not depend on another server): a decorative one is
        // left out, a described one becomes its description, linked to the image when the address is safe.
        if (decorative || alt.Length == 0)
        {
            return;
        }

        output.Add(UrlSafety.IsSafe(url) && url.Length > 0
            ? DocxRuns.External(context, url, [DocxRuns.Text(alt, format with { Link = true })])
            : DocxRuns.Text(alt, format));
    }
}
