using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Exports;

/// <summary>
/// The release's tables for Polish users, read back with the libraries: the XLSX (Open XML SDK) has column widths, wrapped
/// cells, a frozen and repeated header row and a landscape fit-to-width print setup; the Excel-in-Polish CSV parses with `;`
/// and has decimal commas, a BOM and Polish words where the API keeps codes.
/// </summary>
public sealed class ReleaseTablesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_xlsx_has_widths_wrapping_a_frozen_repeated_header_and_a_landscape_fit_to_width_print_setup()
    {
        var files = await BundleAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(files["tables/moduly.xlsx"]), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet;

        var columns = sheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        Assert.Equal(11, columns.Count);
        Assert.All(columns, c => Assert.InRange(c.Width!.Value, 8, 60));
        Assert.True(columns.Single(c => c.Min!.Value == 4).Width!.Value > columns.Single(c => c.Min!.Value == 5).Width!.Value, "Tytuł is wider than Godziny");
        var setup = sheet.GetFirstChild<PageSetup>()!;
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(sheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Contains(workbook.Workbook.DefinedNames!.Elements<DefinedName>(), n => n.Name == "_xlnm.Print_Titles" && n.Text.EndsWith("!$1:$1", StringComparison.Ordinal));
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.All(sheet.Descendants<Cell>(), cell => Assert.True(formats[(int)cell.StyleIndex!.Value].Alignment?.WrapText?.Value, cell.CellReference));
        var rows = new MemoryStream(files["tables/moduly.xlsx"]).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("warsztaty, zajęcia online na żywo", rows[0]["Formy realizacji"]);
        Assert.Equal("wydział edukacji, dyrektorzy szkół", rows[0]["Adresaci"]);
    }

    [Fact]
    public async Task The_excel_polish_csv_parses_with_semicolons_and_decimal_commas_beside_the_rfc_4180_one()
    {
        var files = await BundleAsync();

        var polish = files["tables/moduly-excel-pl.csv"];
        var rows = new MemoryStream(polish).Query(useHeaderRow: true, excelType: ExcelType.CSV, configuration: new CsvConfiguration { Seperator = ';' })
            .Cast<IDictionary<string, object>>().ToList();
        var standard = Encoding.UTF8.GetString(files["tables/moduly.csv"]);

        Assert.Equal([0xEF, 0xBB, 0xBF], polish[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(polish), StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        Assert.Equal("modul-trudny", rows[0]["Kotwica"]);
        Assert.Equal("6,5", rows[0]["Godziny"]?.ToString());
        Assert.Equal("warsztaty, zajęcia online na żywo", rows[0]["Formy realizacji"]);
        Assert.Equal("jednostka", rows[1]["Rodzaj"]);
        Assert.StartsWith("\uFEFFKotwica,Rodzaj,", standard, StringComparison.Ordinal);
        var standardRows = new MemoryStream(files["tables/moduly.csv"]).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("6.50", Convert.ToString(standardRows[0]["Godziny"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<Dictionary<string, byte[]>> BundleAsync()
    {
        var version = await new AccessibleReleaseSteps(steps).DifficultVersionAsync();
        var draft = await steps.DraftAsync(version.Id);
        return AccessibleReleaseSteps.Entries(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/zip")).Content.ReadAsByteArrayAsync());
    }
}
