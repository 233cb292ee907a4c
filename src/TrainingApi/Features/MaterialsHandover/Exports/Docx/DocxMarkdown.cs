using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using TrainingApi.Features.Curriculum.Accessibility;
using MarkdigTable = Markdig.Extensions.Tables.Table;
using MarkdownCell = Markdig.Extensions.Tables.TableCell;
using MarkdownRow = Markdig.Extensions.Tables.TableRow;
using TableColumnAlign = Markdig.Extensions.Tables.TableColumnAlign;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// A section's Markdown as Word paragraphs, walking the same syntax tree as the checker and the HTML pages (one pipeline,
/// <see cref="MarkdownPipelines.Standard"/>): headings renumbered below their section as on the pages, lists as numbered
/// paragraphs, tables, quotations, code, and raw HTML blocks as plain text.
/// </summary>
internal sealed class DocxMarkdown
{
    private readonly DocxContext context;
    private readonly DocxInlines inlines;
    private readonly string caption;

    private DocxMarkdown(DocxContext context, LanguageSpanPairing pairing, string caption)
    {
        this.context = context;
        inlines = new DocxInlines(context, pairing);
        this.caption = caption;
    }

    /// <summary>Appends the section's content to the body, its headings below <paramref name="sectionLevel"/> (the level of its own title).</summary>
    public static void Append(DocxContext context, string markdown, int sectionLevel, string sectionTitle)
    {
        var document = Markdown.Parse(markdown, MarkdownPipelines.Standard);
        Renumber(document, sectionLevel);
        new DocxMarkdown(context, LanguageSpanPairing.Of(document), sectionTitle).Blocks(document, Place.Body, context.Body);
    }

    /// <summary>
    /// The renumbering <see cref="MarkdownRendering.ForPage"/> does for a page: the shallowest heading the author used becomes one
    /// level below the section's title, and none is more than one level below the one before it, so the outline has no gaps.
    /// </summary>
    private static void Renumber(MarkdownDocument document, int sectionLevel)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }

        var shift = headings.Min(h => h.Level) - (sectionLevel + 1);
        var previous = sectionLevel;
        foreach (var heading in headings)
        {
            heading.Level = Math.Min(Math.Clamp(heading.Level - shift, sectionLevel + 1, previous + 1), 6);
            previous = heading.Level;
        }
    }

    /// <summary>Where a paragraph goes: its style, and in a list its level and, for an item's first paragraph, the list instance that numbers it.</summary>
    private sealed record Place(string? Style, int ListLevel, int? NumberingId)
    {
        public static readonly Place Body = new(null, -1, null);
    }

    private void Blocks(ContainerBlock container, Place place, List<OpenXmlElement> output)
    {
        foreach (var block in container)
        {
            Block(block, place, output);
        }
    }

    private void Block(Block block, Place place, List<OpenXmlElement> output)
    {
        switch (block)
        {
            case HeadingBlock heading:
                output.Add(context.Outline.Heading(heading.Level, inlines.Of(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                output.Add(Paragraph(place, inlines.Of(paragraph.Inline)));
                break;
            case ListBlock list:
                List(list, place, output);
                break;
            case QuoteBlock quote:
                Blocks(quote, place with { Style = DocxStyles.Quote }, output);
                break;
            case CodeBlock code:
                // Fenced and indented code: one paragraph per line, in the code style, nothing interpreted.
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    output.Add(Paragraph(place with { Style = DocxStyles.Code, NumberingId = null }, [DocxRuns.Text(line.Slice.ToString())]));
                }

                break;
            case HtmlBlock html:
                // Raw HTML is shown as the text the author wrote, as the pages escape it.
                foreach (var line in html.Lines.Lines.Take(html.Lines.Count))
                {
                    output.Add(Paragraph(place, [DocxRuns.Text(line.Slice.ToString())]));
                }

                break;
            case ThematicBreakBlock:
                output.Add(new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "auto" }))));
                break;
            case MarkdigTable table:
                output.AddRange(Table(table));
                break;
            case ContainerBlock other:
                Blocks(other, place, output);
                break;
        }
    }

    /// <summary>
    /// A list: every item's first paragraph is a numbered (or bulleted) paragraph at the list's depth; its further paragraphs
    /// are indented to the item's text without a number; a nested list goes one level deeper.
    /// </summary>
    private void List(ListBlock list, Place place, List<OpenXmlElement> output)
    {
        var level = Math.Min(place.ListLevel + 1, 8);
        var numbering = list.IsOrdered
            ? context.Numbering.NewOrdered(level, int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1)
            : DocxNumbering.Bullets;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var first = true;
            foreach (var child in item)
            {
                var childPlace = new Place(place.Style, level, first && child is ParagraphBlock ? numbering : null);
                Block(child, childPlace, output);
                first &= child is not ParagraphBlock;
            }
        }
    }

    private static Paragraph Paragraph(Place place, IEnumerable<OpenXmlElement> content)
    {
        var properties = new ParagraphProperties();
        if (place.ListLevel >= 0 && place.Style is null)
        {
            properties.Append(new ParagraphStyleId { Val = DocxStyles.ListParagraph });
        }
        else if (place.Style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = place.Style });
        }

        if (place.NumberingId is { } id)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = place.ListLevel }, new NumberingId { Val = id }));
        }
        else if (place.ListLevel >= 0)
        {
            properties.Append(new Indentation { Left = DocxNumbering.Indent(place.ListLevel).ToString(CultureInfo.InvariantCulture) });
        }

        var paragraph = new Paragraph(properties);
        paragraph.Append(content);
        return paragraph;
    }

    private IEnumerable<OpenXmlElement> Table(MarkdigTable table)
    {
        var rows = table.OfType<MarkdownRow>().ToList();
        var alignments = table.ColumnDefinitions.Select(c => c.Alignment switch
        {
            TableColumnAlign.Right => JustificationValues.Right,
            TableColumnAlign.Center => JustificationValues.Center,
            _ => (JustificationValues?)null,
        }).ToList();

        List<DocxTables.Cell> Cells(MarkdownRow row) =>
        [
            .. row.OfType<MarkdownCell>().Select((cell, index) =>
            {
                var content = new List<OpenXmlElement>();
                Blocks(cell, Place.Body, content);
                return new DocxTables.Cell(content, index < alignments.Count ? alignments[index] : null);
            }),
        ];

        var header = rows.FirstOrDefault(r => r.IsHeader) ?? rows.FirstOrDefault();
        if (header is null)
        {
            return [];
        }

        // Markdown tables have no caption of their own: the caption names the section and the columns, which is what a reader scanning the list of tables needs.
        var columns = string.Join(", ", header.OfType<MarkdownCell>().Select(c => InlineText.Of((c.LastChild as ParagraphBlock)?.Inline)));
        return DocxTables.Captioned(context, $"{caption}: {columns}", Cells(header), rows.Where(r => r != header).Select(r => (IReadOnlyList<DocxTables.Cell>)Cells(r)));
    }
}
