using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace TrainingApi.Common.Http;

/// <summary>XLSX the way every export of the API writes it, through MiniExcel (no hand-written workbook).</summary>
public static class XlsxFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// One sheet per entry, in order; every value passes <see cref="SpreadsheetCells"/> (text as string cells, never formulas); then
    /// <see cref="XlsxLayout"/> adds column widths, wrapping, the repeated header row and the print setup.
    /// </summary>
    public static byte[] Write(IReadOnlyList<(string Name, IEnumerable<IDictionary<string, object?>> Rows)> sheets, OpenXmlConfiguration configuration)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets)
        {
            workbook[name] = SpreadsheetCells.For(ExcelType.XLSX, rows).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX, configuration: configuration);
        return XlsxLayout.Apply(stream.ToArray());
    }
}
