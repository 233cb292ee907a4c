using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using TrainingApi.Common.Http;

namespace TrainingApi.Tests.Common.Http;

/// <summary>
/// The one rule for text in spreadsheet cells, read back with MiniExcel: CSV prefixes an apostrophe to text a spreadsheet would run,
/// XLSX keeps the text as typed in string cells that hold no formula.
/// </summary>
public sealed class SpreadsheetCellsTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static TheoryData<string> FormulaLike => ["=1+2", "+48 22 123", "-1+2", "-A1", "@SUM(A1)", "\t=1", "\r=1", "- punkt pierwszy",
        "=HYPERLINK(\"http://zlo.example\",\"kliknij\")", "- cmd|' /C calc'!A0"];

    [Theory]
    [MemberData(nameof(FormulaLike))]
    public void Csv_prefixes_an_apostrophe_to_text_a_spreadsheet_would_run(string text)
    {
        var csv = CsvFiles.Write([Row(text)]);

        if (text.Contains('\t', StringComparison.Ordinal))
        {
            // MiniExcel writes a TAB unquoted and its reader splits on it, as a tab-splitting import would: each piece is neutralised.
            Assert.EndsWith("\r\n'\t'=1,1\r\n", Encoding.UTF8.GetString(csv));
            return;
        }

        Assert.Equal("'" + text, ((string)ReadCsv(csv)["Tekst"]).ReplaceLineEndings("\r"));
    }

    [Fact]
    public void Csv_neutralises_the_piece_after_a_tab_inside_the_text()
    {
        var csv = Encoding.UTF8.GetString(CsvFiles.Write([Row("Uwaga\t=WEBSERVICE(\"http://zlo.example\")")]));

        Assert.Contains("Uwaga\t'=WEBSERVICE", csv);
    }

    [Fact]
    public void Csv_leaves_other_text_and_numbers_alone()
    {
        var read = ReadCsv(CsvFiles.Write([new Dictionary<string, object?> { ["Tekst"] = "Punkt pierwszy - ważny", ["Liczba"] = -5 }]));

        Assert.Equal("Punkt pierwszy - ważny", read["Tekst"]);
        Assert.Equal("-5", read["Liczba"]?.ToString());
    }

    [Theory]
    [MemberData(nameof(FormulaLike))]
    public void Xlsx_writes_the_text_as_typed_in_a_string_cell_with_no_formula(string text)
    {
        var xlsx = XlsxFiles.Write([("Arkusz", [Row(text)])], new OpenXmlConfiguration());

        var read = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        // XML turns a raw CR in element text into LF when it reads it back; the text is still not a formula.
        Assert.Equal(text.Replace('\r', '\n'), ((string)read["Tekst"]).Replace('\r', '\n'));
        var sheet = SheetXml(xlsx);
        Assert.Empty(sheet.Descendants(Main + "f"));
        var cell = sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == "A2");
        Assert.Contains((string?)cell.Attribute("t"), new[] { "str", "s", "inlineStr" });
    }

    private static Dictionary<string, object?> Row(string text) => new() { ["Tekst"] = text, ["Liczba"] = 1 };

    private static IDictionary<string, object> ReadCsv(byte[] csv)
    {
        Assert.StartsWith("\uFEFFTekst,Liczba", Encoding.UTF8.GetString(csv));
        return new MemoryStream(csv).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().Single();
    }

    private static XDocument SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return XDocument.Load(sheet);
    }
}
