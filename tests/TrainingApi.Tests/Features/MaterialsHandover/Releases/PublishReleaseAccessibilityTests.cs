using System.Net;
using System.Text;
using System.Text.Json;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Releases;

/// <summary>
/// Waivers and publication: a waived error the exporter cannot repair blocks publication (and nothing is published); a
/// waived finding that may be published is listed — rule, place, reason, who — in release.json and the statement.
/// </summary>
public sealed class PublishReleaseAccessibilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    private const string EnglishQuotation = "Komisja pisze krótko.\n\nThe school should have a clear plan for its digital transformation.\n";

    [Theory]
    [InlineData("image-alt-missing", "Mapa szkół poniżej.\n\n![](https://www.example.gov.pl/mapa.png)\n")]
    [InlineData("link-text-empty", "Wzór wniosku: [](https://www.gov.pl/web/edukacja).\n")]
    [InlineData("heading-empty", "Wstęp do modułu.\n\n###\n\nDalsza część.\n")]
    [InlineData("image-source-missing", "Schemat sieci:\n\n![Schemat sieci szkolnej](schemat.png)\n")]
    [InlineData("table-header-cell-empty", "Plan godzin:\n\n| | Godziny |\n|---|---|\n| Wykład | 4 |\n")]
    public async Task A_waived_error_the_exporter_cannot_repair_blocks_publication(string rule, string markdown)
    {
        var version = await new AccessibleReleaseSteps(steps).TestedWithWaiversAsync(markdown + "\n" + EnglishQuotation, _ => true);
        var draft = await steps.DraftAsync(version.Id);

        var problem = await (await steps.Team.PostAsync($"/api/v1/releases/{draft.Id}/publication", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.Equal("accessibility-unrepairable", problem.GetProperty("code").GetString());
        var blocked = problem.GetProperty("unrepairableFindings").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(blocked, id => id.StartsWith($"modul-1:{rule}:", StringComparison.Ordinal));
        Assert.DoesNotContain(blocked, id => id.Contains(":language-unmarked:", StringComparison.Ordinal));
        var after = await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}")).ShouldBeAsync<ReleaseView>(HttpStatusCode.OK);
        Assert.Equal(ReleaseStatus.Draft, after.Status);
        Assert.Empty(after.Files);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/api/v1/catalogue/releases/{draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task Waived_findings_are_listed_in_release_json_and_in_the_statement()
    {
        var version = await new AccessibleReleaseSteps(steps).TestedWithWaiversAsync(EnglishQuotation, _ => true);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var anyone = api.CreateClient();

        var json = JsonDocument.Parse(await anyone.GetByteArrayAsync($"/api/v1/catalogue/releases/{release.Id}/files/json")).RootElement.GetProperty("accessibility");
        var zip = AccessibleReleaseSteps.Entries(await anyone.GetByteArrayAsync($"/api/v1/catalogue/releases/{release.Id}/files/zip"));
        var page = Encoding.UTF8.GetString(zip["html/deklaracja-dostepnosci.html"]);

        var waived = Assert.Single(json.GetProperty("waived").EnumerateArray());
        Assert.Equal("language-unmarked", waived.GetProperty("rule").GetString());
        Assert.Equal("3.1.2", waived.GetProperty("criterion").GetString());
        Assert.Equal("modul-1", waived.GetProperty("anchor").GetString());
        Assert.Equal("Moduł 1. Strategia", waived.GetProperty("section").GetString());
        Assert.Equal(3, waived.GetProperty("line").GetInt32());
        Assert.StartsWith("Powód testowy dla reguły language-unmarked", waived.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("zespół programu", waived.GetProperty("waivedBy").GetString());
        Assert.Equal("partially-compliant", json.GetProperty("status").GetString());
        var statement = json.GetProperty("statement").GetString()!;
        Assert.Contains("Materiały są częściowo zgodne z ustawą z dnia 4 kwietnia 2019 r.", statement, StringComparison.Ordinal);
        Assert.Contains("reguła language-unmarked", statement, StringComparison.Ordinal);
        Assert.Contains("Powód pozostawienia: Powód testowy", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("Materiały wersji", statement, StringComparison.Ordinal);
        foreach (var heading in new[] { "Status pod względem zgodności z ustawą", "Treści niedostępne", "Przygotowanie deklaracji", "Informacje zwrotne i dane kontaktowe", "Procedura wnioskowo-skargowa" })
        {
            Assert.Contains($"<h2>{heading}</h2>", page, StringComparison.Ordinal);
        }

        Assert.Contains("3.1.2 (language-unmarked)", page, StringComparison.Ordinal);
        Assert.Contains("Rzecznika Praw Obywatelskich", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_waived_claims_only_what_was_checked()
    {
        var version = await new AccessibleReleaseSteps(steps).TestedWithWaiversAsync("Samorząd planuje zakupy. Szkoły dostają sprzęt.\n", _ => true);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);

        var json = JsonDocument.Parse(await api.CreateClient().GetByteArrayAsync($"/api/v1/catalogue/releases/{release.Id}/files/json")).RootElement.GetProperty("accessibility");

        Assert.Equal("compliant-as-checked", json.GetProperty("status").GetString());
        Assert.Empty(json.GetProperty("waived").EnumerateArray());
        Assert.Contains("w zakresie sprawdzonym automatycznie; pełnej oceny eksperckiej nie przeprowadzono", json.GetProperty("statement").GetString(), StringComparison.Ordinal);
    }
}
