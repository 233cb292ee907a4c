using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TrainingApi.Common.Http;

/// <summary>
/// What MiniExcel cannot write, added with the Open XML SDK to a workbook it wrote: column widths from the content (at most
/// <see cref="MaxColumnWidth"/> characters, text wrapped beyond), cells aligned to the top and wrapped, the header row frozen
/// and repeated on every printed page, and a print setup (landscape A4, fit to one page wide, as many tall as needed).
/// So a sheet opens readable in Excel or LibreOffice with Polish settings and prints as a table, not as scattered columns.
/// </summary>
public static class XlsxLayout
{
    public const double MinColumnWidth = 8;
    public const double MaxColumnWidth = 60;

    public static byte[] Apply(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbookPart = document.WorkbookPart!;
            var wrapped = WrappedStyles(workbookPart);
            var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
            var definedNames = workbookPart.Workbook.DefinedNames ?? workbookPart.Workbook.AppendChild(new DefinedNames());
            for (var index = 0; index < sheets.Count; index++)
            {
                var part = (WorksheetPart)workbookPart.GetPartById(sheets[index].Id!);
                Layout(part.Worksheet, workbookPart, wrapped);
                definedNames.Append(new DefinedName($"'{sheets[index].Name!.Value!.Replace("'", "''", StringComparison.Ordinal)}'!$1:$1")
                {
                    Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index,
                });
            }

            // The defined names go after the sheets in the workbook's schema order.
            definedNames.Remove();
            workbookPart.Workbook.InsertAfter(definedNames, workbookPart.Workbook.Sheets);
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void Layout(Worksheet sheet, WorkbookPart workbook, IReadOnlyDictionary<uint, uint> wrapped)
    {
        var data = sheet.GetFirstChild<SheetData>()!;
        var widths = new Dictionary<int, double>();
        foreach (var cell in data.Descendants<Cell>())
        {
            var column = ColumnIndex(cell.CellReference!.Value!);
            var length = Text(cell, workbook).Split('\n').Max(line => line.Length);
            widths[column] = Math.Max(widths.GetValueOrDefault(column), length);
            cell.StyleIndex = wrapped[cell.StyleIndex?.Value ?? 0];
        }

        // Width in characters of the default font, plus a little for padding and the filter button in the header.
        var columns = new Columns(widths.OrderBy(w => w.Key).Select(w => new Column
        {
            Min = (uint)w.Key, Max = (uint)w.Key, CustomWidth = true, Width = Math.Round(Math.Clamp(w.Value + 3, MinColumnWidth, MaxColumnWidth), 1),
        }));
        sheet.GetFirstChild<Columns>()?.Remove();
        var before = (OpenXmlElement?)sheet.GetFirstChild<SheetFormatProperties>() ?? (OpenXmlElement?)sheet.GetFirstChild<SheetViews>() ?? sheet.GetFirstChild<SheetDimension>();
        if (before is null)
        {
            sheet.InsertAt(columns, 0);
        }
        else
        {
            sheet.InsertAfter(columns, before);
        }

        var properties = sheet.GetFirstChild<SheetProperties>() ?? sheet.InsertAt(new SheetProperties(), 0);
        properties.PageSetupProperties = new PageSetupProperties { FitToPage = true };

        sheet.GetFirstChild<PrintOptions>()?.Remove();
        sheet.GetFirstChild<PageMargins>()?.Remove();
        sheet.GetFirstChild<PageSetup>()?.Remove();
        // Schema order: … autoFilter … printOptions, pageMargins, pageSetup, headerFooter …; only these follow what MiniExcel wrote.
        var anchor = (OpenXmlElement?)sheet.GetFirstChild<AutoFilter>() ?? data;
        var margins = new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 };
        var setup = new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 };
        var footer = new HeaderFooter(new OddFooter("&CStrona &P z &N"));
        sheet.InsertAfter(new PrintOptions { GridLines = true }, anchor);
        sheet.InsertAfter(margins, sheet.GetFirstChild<PrintOptions>());
        sheet.InsertAfter(setup, margins);
        sheet.InsertAfter(footer, setup);
        sheet.Save();
    }

    /// <summary>For every cell format of the workbook, the index of a copy that wraps text and aligns it to the top.</summary>
    private static Dictionary<uint, uint> WrappedStyles(WorkbookPart workbook)
    {
        var styles = workbook.WorkbookStylesPart ?? workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet ??= new Stylesheet(new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()), new CellFormats(new CellFormat()));
        var formats = styles.Stylesheet.CellFormats ??= new CellFormats(new CellFormat());
        var existing = formats.Elements<CellFormat>().ToList();
        var map = new Dictionary<uint, uint>();
        for (var i = 0; i < existing.Count; i++)
        {
            var copy = (CellFormat)existing[i].CloneNode(true);
            copy.Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top };
            copy.ApplyAlignment = true;
            formats.Append(copy);
            map[(uint)i] = (uint)(existing.Count + i);
        }

        formats.Count = (uint)formats.Elements<CellFormat>().Count();
        styles.Stylesheet.Save();
        return map;
    }

    private static string Text(Cell cell, WorkbookPart workbook)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var index))
        {
            return workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().ElementAtOrDefault(index)?.InnerText ?? "";
        }

        return value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index;
    }
}
