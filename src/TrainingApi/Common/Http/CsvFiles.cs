using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace TrainingApi.Common.Http;

/// <summary>CSV the way every export of the API writes it, through MiniExcel (no hand-written quoting).</summary>
public static class CsvFiles
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// UTF-8 with a byte-order mark (so Excel reads Polish letters), comma-separated, CRLF, RFC 4180 quoting; the keys of the first row
    /// are the header. Text that a spreadsheet would run as a formula is neutralised by <see cref="SpreadsheetCells"/>.
    /// </summary>
    public static byte[] Write(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(SpreadsheetCells.For(ExcelType.CSV, rows), excelType: ExcelType.CSV,
            configuration: new CsvConfiguration { Seperator = ',', NewLine = "\r\n", QuoteWhitespaces = false });
        return stream.ToArray();
    }

    /// <summary>
    /// The variant Excel opens in columns with Polish regional settings, beside the RFC 4180 file: fields separated by
    /// <c>;</c> (Polish Windows lists use it, because the comma is the decimal separator), numbers with a decimal comma,
    /// UTF-8 with a byte-order mark, CRLF, and the same quoting and formula neutralising.
    /// </summary>
    public static byte[] WriteExcelPolish(IEnumerable<IDictionary<string, object?>> rows)
    {
        var polish = System.Globalization.CultureInfo.GetCultureInfo("pl-PL");
        var localised = SpreadsheetCells.For(ExcelType.CSV, rows).Select(row => (IDictionary<string, object?>)row.ToDictionary(c => c.Key, c => c.Value switch
        {
            decimal number => number.ToString("0.##########", polish),
            double number => number.ToString("0.##########", polish),
            float number => number.ToString("0.######", polish),
            _ => c.Value,
        }));
        using var stream = new MemoryStream();
        stream.SaveAs(localised, excelType: ExcelType.CSV,
            configuration: new CsvConfiguration { Seperator = ';', NewLine = "\r\n", QuoteWhitespaces = false });
        return stream.ToArray();
    }
}
