using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using TrainingApi.Common.Http;

namespace TrainingApi.Features.Consultations.Report;

/// <summary>The report as files people open in a spreadsheet, written by MiniExcel (no hand-written XLSX).</summary>
public static class ReportFiles
{
    public const string CsvType = CsvFiles.ContentType;
    public const string XlsxType = XlsxFiles.ContentType;

    public static byte[] Csv(ConsultationReportView report) => CsvFiles.Write(ReportTable.Rows(report.Rows));

    /// <summary>The same table for Excel with Polish regional settings (<c>;</c>, decimal comma), beside the RFC 4180 file.</summary>
    public static byte[] CsvExcelPolish(ConsultationReportView report) => CsvFiles.WriteExcelPolish(ReportTable.Rows(report.Rows));

    /// <summary>Two sheets: the comments (header row frozen, auto-filter on) and the counts; see <see cref="SpreadsheetCells"/> for text that looks like a formula.</summary>
    public static byte[] Xlsx(ConsultationReportView report)
    {
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            EnableAutoWidth = false,
            DynamicColumns = [.. ReportTable.Columns.Select(c => new DynamicExcelColumn(c.Header) { Width = c.Width }),
                new DynamicExcelColumn("Kategoria") { Width = 18 }, new DynamicExcelColumn("Wartość") { Width = 60 }, new DynamicExcelColumn("Liczba uwag") { Width = 12 }],
        };
        return XlsxFiles.Write([("Uwagi", ReportTable.Rows(report.Rows)), ("Podsumowanie", ReportTable.Summary(report))], configuration);
    }
}
