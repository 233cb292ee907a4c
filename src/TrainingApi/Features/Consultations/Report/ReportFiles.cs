using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using TrainingApi.Common.Http;

namespace TrainingApi.Features.Consultations.Report;

/// <summary>The report as files people open in a spreadsheet, written by MiniExcel (no hand-written XLSX).</summary>
public static class ReportFiles
{
    public const string CsvType = CsvFiles.ContentType;
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(ConsultationReportView report) => CsvFiles.Write(ReportTable.Rows(report.Rows));

    /// <summary>Two sheets: the comments (header row frozen, auto-filter on) and the counts.</summary>
    public static byte[] Xlsx(ConsultationReportView report)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Uwagi"] = ReportTable.Rows(report.Rows).ToList(),
            ["Podsumowanie"] = ReportTable.Summary(report).ToList(),
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
}
