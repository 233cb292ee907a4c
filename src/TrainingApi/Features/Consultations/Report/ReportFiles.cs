using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace TrainingApi.Features.Consultations.Report;

/// <summary>The report as files people open in a spreadsheet, written by MiniExcel (no hand-written XLSX).</summary>
public static class ReportFiles
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with a byte-order mark (so Excel reads Polish letters), comma-separated, RFC 4180 quoting.</summary>
    public static byte[] Csv(ConsultationReportView report)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(ReportTable.Rows(report.Rows, NeutraliseFormula), excelType: ExcelType.CSV, configuration: new CsvConfiguration { Seperator = ',', NewLine = "\r\n", QuoteWhitespaces = false });
        return stream.ToArray();
    }

    /// <summary>Two sheets: the comments (header row frozen, auto-filter on) and the counts.</summary>
    public static byte[] Xlsx(ConsultationReportView report)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Uwagi"] = ReportTable.Rows(report.Rows, t => t).ToList(),
            ["Podsumowanie"] = ReportTable.Summary(report, t => t).ToList(),
        };
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            EnableAutoWidth = false,
            DynamicColumns = [.. ReportTable.Columns.Select(c => new DynamicExcelColumn(c.Header) { Width = c.Width }),
                new DynamicExcelColumn("Kategoria") { Width = 18 }, new DynamicExcelColumn("Wartość") { Width = 60 }, new DynamicExcelColumn("Liczba uwag") { Width = 12 }],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>
    /// A spreadsheet runs a CSV cell that starts with = + - @ as a formula (CSV injection, OWASP): comment text comes
    /// from outside, so such a cell gets a leading apostrophe. The XLSX stores text cells as text and needs none.
    /// </summary>
    public static string? NeutraliseFormula(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
