using MiniExcelLibs;

namespace TrainingApi.Common.Http;

/// <summary>
/// The one rule for text that ends up in a spreadsheet cell, used by every CSV and XLSX the API writes (<see cref="CsvFiles"/>,
/// <see cref="XlsxFiles"/>). The text often comes from outside (comments, titles), and a spreadsheet must show it, never run it
/// (CSV injection, OWASP): a formula can read other cells, send them away (HYPERLINK, WEBSERVICE) or start a program (DDE).
/// <list type="bullet">
/// <item>XLSX: every text value is written as a string cell (MiniExcel writes <c>t="str"</c> with a <c>&lt;v&gt;</c> value and never an
/// <c>&lt;f&gt;</c> formula; the tests read the sheet XML), so a text starting with <c>=</c> is shown as typed, with no visible quote.</item>
/// <item>CSV has no cell types: the spreadsheet parses each field as if typed in. A text starting with <c>= + - @</c>, TAB or CR gets a
/// leading apostrophe. That includes "- punkt pierwszy": Excel allows spaces after a sign, so "- cmd|' /C calc'!A0" is a DDE call, and
/// even a harmless "- punkt" turns into a formula showing #NAME?; the apostrophe is the least change that keeps the text.</item>
/// </list>
/// Numbers are not text and are written as numbers, so a negative number stays a number.
/// </summary>
public static class SpreadsheetCells
{
    public static object? For(ExcelType file, object? value) => file == ExcelType.CSV && value is string text ? ForCsv(text) : value;

    /// <summary>
    /// MiniExcel leaves a TAB unquoted (RFC 4180 allows it), and an import that also splits on TAB (LibreOffice with "Tab" ticked,
    /// MiniExcel's own reader) makes each piece a cell of its own: so the piece after a TAB gets the apostrophe too when it needs one.
    /// </summary>
    private static string ForCsv(string text) =>
        text.Contains('\t', StringComparison.Ordinal)
            ? Prefix(string.Join('\t', text.Split('\t').Select(Prefix)))
            : Prefix(text);

    private static string Prefix(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static IEnumerable<IDictionary<string, object?>> For(ExcelType file, IEnumerable<IDictionary<string, object?>> rows) =>
        rows.Select(row => (IDictionary<string, object?>)row.ToDictionary(c => c.Key, c => For(file, c.Value)));
}
