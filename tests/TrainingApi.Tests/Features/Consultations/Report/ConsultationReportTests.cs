using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Report;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Report;

public sealed class ConsultationReportTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task The_json_report_numbers_comments_in_document_order_and_counts_them()
    {
        var round = await steps.OpenRoundAsync();
        var zpp = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp,
            ConsultationSteps.Comment(anchor: "wytyczne", content: "Wytyczne za ogólne."), ConsultationSteps.Comment(anchor: "modul-1", content: "Strategia."));
        var zmp = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp,
            ConsultationSteps.Comment(anchor: null, content: "Ogólnie dobrze."), ConsultationSteps.Comment(anchor: "modul-2-1", content: "Role.", memberJst: "1061"));
        (await steps.DisposeAsync(zpp.Comments[0].Id, "rejected", "Wytyczne są celowo ogólne.")).EnsureSuccessStatusCode();
        (await steps.DisposeAsync(zmp.Comments[1].Id, "accepted", "Dodano.")).EnsureSuccessStatusCode();

        var report = await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report")).ShouldBeAsync<ConsultationReportView>(HttpStatusCode.OK);

        Assert.Equal(["Ogólnie dobrze.", "Strategia.", "Role.", "Wytyczne za ogólne."], report.Rows.Select(r => r.Content));
        Assert.Equal([1, 2, 3, 4], report.Rows.Select(r => r.Number));
        Assert.Equal(ConsultationReportBuilder.GeneralSection, report.Rows[0].Section);
        Assert.Equal("Role w JST (modul-2-1)", report.Rows[2].Section);
        Assert.Equal(("Łódź", "1061"), (report.Rows[2].MemberJstName, report.Rows[2].MemberJst));
        Assert.Equal("nieuwzględniona", report.Rows[3].DispositionLabel);
        Assert.Equal(4, report.Counts.Comments);
        Assert.Equal([(Disposition.Accepted, 1), (Disposition.Rejected, 1), (null, 2)], report.Counts.ByDisposition.Select(d => (d.Disposition, d.Comments)));
        Assert.Equal(2, report.Counts.ByOrganisation.Single(o => o.OrganisationId == SeededOrganisations.Zpp).Comments);
        Assert.Equal(4, report.Counts.BySection.Count);
    }

    [Fact]
    public async Task Filters_keep_the_round_numbers()
    {
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment(anchor: "modul-1"), ConsultationSteps.Comment(anchor: "modul-2"));
        var zmp = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(anchor: "modul-2", content: "Inna."));
        (await steps.DisposeAsync(zmp.Comments[0].Id, "noted", "Przyjęto do wiadomości.")).EnsureSuccessStatusCode();

        var byOrganisation = await ReportAsync(round.Id, $"organisationId={SeededOrganisations.Zmp}");
        var bySection = await ReportAsync(round.Id, "anchor=modul-2");
        var byDisposition = await ReportAsync(round.Id, "disposition=noted");

        Assert.Equal([3], byOrganisation.Rows.Select(r => r.Number));
        Assert.Equal([2, 3], bySection.Rows.Select(r => r.Number));
        Assert.Equal(2, bySection.Counts.Comments);
        Assert.Equal([3], byDisposition.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task The_csv_is_utf8_with_polish_headers_and_quotes_what_needs_quoting()
    {
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp,
            ConsultationSteps.Comment(content: "Zdanie z przecinkiem, \"cudzysłowem\"\ni nową linią."), ConsultationSteps.Comment(anchor: "modul-1", content: "=HYPERLINK(\"http://zlo\")"));

        var response = await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Lp.,Id uwagi,Zgłaszający,Sygnatura zgłaszającego,W imieniu JST,Część dokumentu,Cytowany fragment,Treść uwagi,Propozycja zmiany,Uzasadnienie,Stanowisko,Odpowiedź", text);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("'=HYPERLINK(\"http://zlo\")", rows[0]["Treść uwagi"]);
        Assert.Contains("\"Zdanie z przecinkiem, \"\"cudzysłowem\"\"\ni nową linią.\"", text);
        // MiniExcel's reader joins the lines of a quoted field with CRLF; the file itself keeps the LF (asserted above).
        Assert.Equal("Zdanie z przecinkiem, \"cudzysłowem\"\ni nową linią.", ((string)rows[1]["Treść uwagi"]).ReplaceLineEndings("\n"));
        Assert.Equal("oczekuje na stanowisko", rows[1]["Stanowisko"]);
    }

    [Fact]
    public async Task Every_row_of_the_csv_and_xlsx_carries_the_comment_id_and_the_senders_reference()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var reference = $"ZMP/KONS/{Guid.NewGuid():N}";
        var sent = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = reference, comments = ConsultationSteps.Comments(3) });
        var entered = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment(anchor: "modul-1", content: "Ze spotkania."));

        var csv = await steps.Expert.GetByteArrayAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=csv");
        var xlsx = await steps.Expert.GetByteArrayAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=xlsx");
        var json = await ReportAsync(round.Id, "");

        var expected = sent.Comments.Select(c => (c.Id.ToString(), (string?)reference)).Append((entered.Comments[0].Id.ToString(), null)).OrderBy(x => x.Item1).ToList();
        foreach (var rows in new[]
                 {
                     new MemoryStream(csv).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList(),
                     new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Uwagi").Cast<IDictionary<string, object>>().ToList(),
                 })
        {
            Assert.Equal(expected, rows.Select(r => ((string)r["Id uwagi"], r["Sygnatura zgłaszającego"] is string s && s.Length > 0 ? s : null)).OrderBy(x => x.Item1));
        }

        Assert.Equal(expected, json.Rows.Select(r => (r.CommentId.ToString(), r.ExternalReference)).OrderBy(x => x.Item1));
    }

    [Fact]
    public async Task The_excel_polish_csv_parses_with_semicolons_and_holds_the_same_rows_as_the_rfc_4180_one()
    {
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp,
            ConsultationSteps.Comment(anchor: "modul-1", content: "Uwaga; ze średnikiem, przecinkiem i \"cudzysłowem\"."), ConsultationSteps.Comment(content: "Druga."));

        var response = await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=csv-excel-pl");
        var polish = await response.Content.ReadAsByteArrayAsync();
        var standard = await steps.Expert.GetByteArrayAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("-excel-pl.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], polish[..3]);
        var header = System.Text.Encoding.UTF8.GetString(polish[3..]).Split("\r\n")[0];
        Assert.Contains(";Id uwagi;", ";" + header + ";", StringComparison.Ordinal);
        var polishRows = new MemoryStream(polish).Query(useHeaderRow: true, excelType: ExcelType.CSV, configuration: new MiniExcelLibs.Csv.CsvConfiguration { Seperator = ';' })
            .Cast<IDictionary<string, object>>().Select(r => ((string)r["Id uwagi"], (string)r["Treść uwagi"])).ToList();
        var standardRows = new MemoryStream(standard).Query(useHeaderRow: true, excelType: ExcelType.CSV)
            .Cast<IDictionary<string, object>>().Select(r => ((string)r["Id uwagi"], (string)r["Treść uwagi"])).ToList();
        Assert.Equal(2, polishRows.Count);
        Assert.Equal(standardRows, polishRows);
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_is_quoted_in_the_csv_and_a_plain_string_cell_in_the_xlsx()
    {
        var round = await steps.OpenRoundAsync();
        string[] texts = ["=1+1", "+48 22 123 45 67", "-A1", "@SUMA(A1)", "- punkt pierwszy"];
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, [.. texts.Select(t => ConsultationSteps.Comment(anchor: "modul-1", content: t))]);

        var csv = await steps.Expert.GetByteArrayAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=csv");
        var xlsx = await steps.Expert.GetByteArrayAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=xlsx");

        var csvCells = new MemoryStream(csv).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().Select(r => r["Treść uwagi"]);
        Assert.Equal(texts.Select(t => "'" + t), csvCells);
        var xlsxCells = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Uwagi").Cast<IDictionary<string, object>>().Select(r => r["Treść uwagi"]);
        Assert.Equal(texts, xlsxCells);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        Assert.All(zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)),
            e => Assert.DoesNotContain("<x:f", new StreamReader(e.Open()).ReadToEnd(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_accept_header_chooses_the_xlsx()
    {
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(content: "=1+1"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/consultation-rounds/{round.Id}/report");
        request.Headers.Accept.ParseAdd(ReportFiles.XlsxType);

        var response = await steps.Expert.SendAsync(request);

        Assert.Equal(ReportFiles.XlsxType, response.Content.Headers.ContentType!.MediaType);
        var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Uwagi", "Podsumowanie"], workbook.GetSheetNames());
        var row = Assert.Single(workbook.Query(useHeaderRow: true, sheetName: "Uwagi").Cast<IDictionary<string, object>>());
        Assert.Equal("=1+1", row["Treść uwagi"]);
    }

    [Fact]
    public async Task Before_publication_only_the_team_and_experts_read_it()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var anonymous = await api.CreateClient().GetAsync($"/api/v1/consultation-rounds/{round.Id}/report");
        var partner = await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=xlsx");

        Assert.Equal("report-not-published", (await anonymous.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found")).GetProperty("code").GetString());
        await partner.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report")).StatusCode);
        await (await api.CreateClient().GetAsync($"/api/v1/consultation-rounds/{Guid.NewGuid()}/report")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Publishing_waits_for_the_close_and_for_every_disposition()
    {
        var round = await steps.OpenRoundAsync(days: 2);
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(), ConsultationSteps.Comment(anchor: "modul-1"));
        (await steps.DisposeAsync(submission.Comments[0].Id)).EnsureSuccessStatusCode();

        var whileOpen = await PublishAsync(round.Id);
        api.Clock.Now = round.ClosesAt.AddMinutes(5);
        var withOneAwaiting = await PublishAsync(round.Id);

        Assert.Equal("round-not-closed", (await whileOpen.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        var awaiting = await withOneAwaiting.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(("comments-awaiting-disposition", 1), (awaiting.GetProperty("code").GetString(), awaiting.GetProperty("awaiting").GetInt32()));
        await (await api.CreateClient().GetAsync($"/api/v1/consultation-rounds/{round.Id}/report")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_published_report_is_public_cacheable_and_announced_once()
    {
        var round = await steps.OpenRoundAsync(days: 2);
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment());
        (await steps.DisposeAsync(submission.Comments[0].Id)).EnsureSuccessStatusCode();
        api.Clock.Now = round.ClosesAt.AddMinutes(1);

        var published = await (await PublishAsync(round.Id)).ShouldBeAsync<RoundView>(HttpStatusCode.OK);
        var again = await PublishAsync(round.Id);
        var anonymous = api.CreateClient();
        var first = await anonymous.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report");
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/consultation-rounds/{round.Id}/report");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await anonymous.SendAsync(conditional);
        var csv = await anonymous.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=csv");

        Assert.Equal(RoundStatus.ReportPublished, published.Status);
        Assert.Equal("report-published", (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        var report = await first.ShouldBeAsync<ConsultationReportView>(HttpStatusCode.OK);
        Assert.Equal(RoundStatus.ReportPublished, report.Status);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, csv.Headers.ETag);
        await using var db = api.Db();
        var events = await db.Context.Set<TrainingApi.Common.Events.OutboxEvent>().Where(e => e.Type == "consultation-report.published").ToListAsync();
        Assert.Single(events, e => e.Payload.Contains(round.Id.ToString()));
    }

    private async Task<ConsultationReportView> ReportAsync(Guid roundId, string query) =>
        await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{roundId}/report?{query}")).ShouldBeAsync<ConsultationReportView>(HttpStatusCode.OK);

    private Task<HttpResponseMessage> PublishAsync(Guid roundId) => steps.Team.PostAsync($"/api/v1/consultation-rounds/{roundId}/report/publication", null);
}
