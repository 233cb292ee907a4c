using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace TrainingApi.Common.Http;

/// <summary>CSV the way every export of the API writes it, through MiniExcel (no hand-written quoting).</summary>
public static class CsvFiles
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// UTF-8 with a byte-order mark (so Excel reads Polish letters), comma-separated, CRLF, RFC 4180 quoting; the keys of
    /// the first row are the header. Text cells starting with = + - @ get a leading apostrophe: a spreadsheet would run
    /// them as formulas (CSV injection, OWASP), and the text often comes from outside.
    /// </summary>
    public static byte[] Write(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(Neutralise), excelType: ExcelType.CSV,
            configuration: new CsvConfiguration { Seperator = ',', NewLine = "\r\n", QuoteWhitespaces = false });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Neutralise(IDictionary<string, object?> row) =>
        row.ToDictionary(c => c.Key, c => c.Value is string { Length: > 0 } text && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : c.Value);
}
