using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// Tables Word and screen readers treat as data tables: a numbered caption paragraph before the table (Word's "caption" style
/// with a SEQ field, so Word's list of tables finds it) that is also the table's own description (<c>w:tblCaption</c>), a header
/// row marked to repeat on every page (<c>w:tblHeader</c>, which is also how Word tells assistive technology which cells are
/// headers), borders on every cell, and the full width of the text.
/// </summary>
internal static class DocxTables
{
    /// <summary>One cell: its paragraphs, and how they align (numbers to the right, as the Markdown's column says).</summary>
    public sealed record Cell(IReadOnlyList<OpenXmlElement> Content, JustificationValues? Alignment = null)
    {
        public static Cell Of(string text) => new([DocxRuns.Paragraph(text)]);
    }

    public static IEnumerable<OpenXmlElement> Captioned(DocxContext context, string caption, IReadOnlyList<Cell> header, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        var number = context.NextTableNumber().ToString(CultureInfo.InvariantCulture);
        var label = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Caption }),
            DocxRuns.Text("Tabela "),
            new SimpleField(DocxRuns.Text(number)) { Instruction = " SEQ Tabela \\* ARABIC " },
            DocxRuns.Text(". " + caption));

        var table = new Table(new TableProperties(
            new TableStyle { Val = DocxStyles.TableGrid },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }, new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }),
            new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true },
            new TableCaption { Val = "Tabela " + number + ". " + caption }));
        table.Append(new TableGrid(header.Select(_ => new GridColumn { Width = (9070 / Math.Max(1, header.Count)).ToString(CultureInfo.InvariantCulture) })));

        var headerRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        headerRow.Append(header.Select(cell => CellOf(cell, bold: true)));
        table.Append(headerRow);
        foreach (var row in rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            tableRow.Append(row.Select(cell => CellOf(cell, bold: false)));
            table.Append(tableRow);
        }

        // A paragraph after the table, so two tables in a row stay two tables and the text goes on after it.
        return [label, table, new Paragraph()];
    }

    private static TableCell CellOf(Cell cell, bool bold)
    {
        var content = cell.Content.Select(e => e.CloneNode(true)).ToList();
        foreach (var paragraph in content.OfType<Paragraph>())
        {
            var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
            if (cell.Alignment is { } alignment)
            {
                properties.Justification = new Justification { Val = alignment };
            }

            if (bold)
            {
                foreach (var run in paragraph.Descendants<Run>())
                {
                    var runProperties = run.RunProperties ?? run.PrependChild(new RunProperties());
                    if (runProperties.Bold is null)
                    {
                        runProperties.Bold = new Bold();
                    }
                }
            }
        }

        if (content.Count == 0 || content[^1] is not Paragraph)
        {
            // A cell ends with a paragraph, by the schema.
            content.Add(new Paragraph());
        }

        var tableCell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }));
        tableCell.Append(content);
        return tableCell;
    }
}
