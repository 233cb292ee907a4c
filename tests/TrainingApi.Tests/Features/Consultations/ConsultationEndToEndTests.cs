using System.Net;
using MiniExcelLibs;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations;

/// <summary>
/// ZMP's system sends a batch twice with one Idempotency-Key, experts dispose the comments, the team publishes,
/// and the XLSX anyone can download is read back with MiniExcel.
/// </summary>
public sealed class ConsultationEndToEndTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_partner_batch_sent_twice_is_disposed_published_and_read_back_from_the_xlsx()
    {
        var round = await steps.OpenRoundAsync(days: 10);
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        object[] comments =
        [
            ConsultationSteps.Comment("modul-2", "Brakuje podziału ról między JST i szkoły.", "Dodać jednostkę o rolach.", "Małe gminy nie mają informatyków.", "1061011",
                quote: "Samorząd opracowuje politykę bezpieczeństwa."),
            ConsultationSteps.Comment(null, "Program jest za długi dla małych gmin.", "Skrócić do 24 godzin.", "Urzędnicy nie mają czasu.", "1465011"),
            ConsultationSteps.Comment("wytyczne", "Wytyczne nie mówią o finansowaniu sprzętu.", null, null, null),
        ];
        var body = new { externalReference = "ZMP/KONS/2024/017", comments };

        var sent = await ConsultationSteps.SubmitAsync(zmp, round.Id, body, "zmp-batch-017");
        var resent = await ConsultationSteps.SubmitAsync(zmp, round.Id, body, "zmp-batch-017");
        Assert.Equal(sent.Id, resent.Id);
        var stored = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments")).ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
        Assert.Equal(3, stored.Items.Count);

        (await steps.DisposeAsync(sent.Comments[0].Id, "accepted", "Dodano jednostkę 2.2 o podziale ról.")).EnsureSuccessStatusCode();
        (await steps.DisposeAsync(sent.Comments[1].Id, "partly-accepted", "Skrócono do 32 godzin; dalej się nie da.")).EnsureSuccessStatusCode();
        (await steps.DisposeAsync(sent.Comments[2].Id, "noted", "Finansowanie opisują zasady konkursów MEN.")).EnsureSuccessStatusCode();
        var afterDisposal = await (await zmp.GetAsync($"/api/v1/consultation-submissions/{sent.Id}")).ShouldBeAsync<SubmissionView>(HttpStatusCode.OK);
        Assert.All(afterDisposal.Comments, c => Assert.Equal(CommentStatus.Disposed, c.Status));
        await steps.CloseAndPublishAsync(round);

        var download = await api.CreateClient().GetAsync($"/api/v1/consultation-rounds/{round.Id}/report?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var workbook = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true, sheetName: "Uwagi").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal([1d, 2d, 3d], rows.Select(r => Convert.ToDouble(r["Lp."], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal("Związek Miast Polskich", r["Zgłaszający"]));
        Assert.Equal(("Uwagi ogólne", "Program jest za długi dla małych gmin.", "częściowo uwzględniona", "Warszawa (1465)"),
            ((string?)rows[0]["Część dokumentu"], (string?)rows[0]["Treść uwagi"], (string?)rows[0]["Stanowisko"], (string?)rows[0]["W imieniu JST"]));
        Assert.Equal(("Cyberbezpieczeństwo (modul-2)", "Samorząd opracowuje politykę bezpieczeństwa.", "Dodać jednostkę o rolach.", "uwzględniona", "Dodano jednostkę 2.2 o podziale ról."),
            ((string?)rows[1]["Część dokumentu"], (string?)rows[1]["Cytowany fragment"], (string?)rows[1]["Propozycja zmiany"], (string?)rows[1]["Stanowisko"], (string?)rows[1]["Odpowiedź"]));
        Assert.Equal(("Wytyczne do doradztwa (wytyczne)", "przyjęta do wiadomości"), ((string?)rows[2]["Część dokumentu"], (string?)rows[2]["Stanowisko"]));
        workbook.Position = 0;
        var summary = workbook.Query(useHeaderRow: true, sheetName: "Podsumowanie").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(summary, s => (string?)s["Kategoria"] == "Razem" && (string?)s["Wartość"] == "wszystkie uwagi" && Convert.ToInt32(s["Liczba uwag"], System.Globalization.CultureInfo.InvariantCulture) == 3);
        Assert.Contains(summary, s => (string?)s["Kategoria"] == "Stanowisko" && (string?)s["Wartość"] == "uwzględniona");
    }
}
