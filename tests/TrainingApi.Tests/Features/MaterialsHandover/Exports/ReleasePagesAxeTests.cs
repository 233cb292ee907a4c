using System.Net;
using System.Text;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Exports;

/// <summary>
/// The exported pages as an auditor checks them: every page of the ZIP bundle opened in headless Chromium with axe-core 4.x
/// (wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice), and again at 320 CSS px (WCAG 1.4.10 Reflow: nothing may scroll
/// sideways but a table inside its own region), for a release built from deliberately difficult content and for one whose
/// statement lists waived findings. The demo release gets the same check in HandoverDemoDataTests.
/// </summary>
public sealed class ReleasePagesAxeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task Every_page_of_a_release_of_difficult_content_has_no_axe_violation()
    {
        var version = await new AccessibleReleaseSteps(steps).DifficultVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var zip = await (await api.CreateClient().GetAsync($"/api/v1/catalogue/releases/{release.Id}/files/zip")).Content.ReadAsByteArrayAsync();

        var report = await AxeInBrowser.CheckBundleAsync(zip);

        Assert.Equal(["deklaracja-dostepnosci.html", "index.html", "modul-trudny.html", "wytyczne.html"], report.Pages.Select(p => p.Page).Order(StringComparer.Ordinal));
        Assert.True(AccessibleReleaseSteps.Entries(zip).ContainsKey("html/assets/schemat-sieci.png"));
        Assert.All(report.Pages, p => Assert.StartsWith("4.", p.AxeVersion, StringComparison.Ordinal));
        Assert.Equal(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"], report.Tags);
        Assert.True(report.Pages.All(p => p.Violations.Count == 0), AxeInBrowser.Describe(report));
        Assert.All(report.Pages, p => Assert.Equal(320, p.Reflow.ViewportWidth));
        Assert.True(report.Pages.All(p => !p.Reflow.ScrollsSideways && p.Reflow.ScrollWidth == 320), AxeInBrowser.DescribeReflow(report));
    }

    [Fact]
    public async Task A_statement_with_waived_findings_reflows_at_320_px_and_keeps_its_table_semantics()
    {
        var version = await new AccessibleReleaseSteps(steps).TestedWithWaiversAsync(AccessibleReleaseSteps.WaivableModule, _ => true);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var zip = await api.CreateClient().GetByteArrayAsync($"/api/v1/catalogue/releases/{release.Id}/files/zip");
        var statement = Encoding.UTF8.GetString(AccessibleReleaseSteps.Entries(zip)["html/deklaracja-dostepnosci.html"]);

        var report = await AxeInBrowser.CheckBundleAsync(zip);

        var rows = System.Text.RegularExpressions.Regex.Count(statement, "<tr role=\"row\"><td role=\"cell\" data-label=\"Miejsce\">");
        Assert.True(rows >= 4, statement);
        Assert.Contains("<table class=\"reflow\" role=\"table\" aria-labelledby=\"niezgodnosci\">", statement, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" role=\"columnheader\">Powód pozostawienia</th>", statement, StringComparison.Ordinal);
        Assert.Contains("<td role=\"cell\" data-label=\"Kryterium i reguła\">3.1.2 (language-unmarked)</td>", statement, StringComparison.Ordinal);
        Assert.True(report.Pages.All(p => p.Violations.Count == 0), AxeInBrowser.Describe(report));
        Assert.True(report.Pages.All(p => !p.Reflow.ScrollsSideways), AxeInBrowser.DescribeReflow(report));
    }

    [Fact]
    public async Task A_module_page_has_a_continuous_outline_under_its_h1_and_says_everything_in_polish()
    {
        var version = await new AccessibleReleaseSteps(steps).DifficultVersionAsync();
        var draft = await steps.DraftAsync(version.Id);
        var files = AccessibleReleaseSteps.Entries(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/zip")).Content.ReadAsByteArrayAsync());

        var page = Encoding.UTF8.GetString(files["html/modul-trudny.html"]);

        var levels = System.Text.RegularExpressions.Regex.Matches(page, "<h([1-6])[ >]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} → h{pair.Second}"));
        Assert.Equal([1, 2, 3, 3, 2, 3, 4], levels);
        Assert.True(page.IndexOf("<nav", StringComparison.Ordinal) < page.IndexOf("<h1", StringComparison.Ordinal));
        Assert.DoesNotMatch("<nav[^>]*>\\s*<h", page);
        Assert.Contains("<main id=\"tresc\" tabindex=\"-1\">", page);
        Assert.Contains("<style>", page);
        Assert.Contains("warsztaty, zajęcia online na żywo", page);
        Assert.Contains("wydział edukacji", page);
        Assert.Contains("dyrektorzy szkół", page);
        Assert.DoesNotContain("school-heads", page);
        Assert.Contains("<li>planuje zakupy sprzętu</li>", page);
        Assert.Contains("6,5", page);
        Assert.Matches("<a href=\"https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp\\?id=WDU20240\\d{6}\">Ustawa – Prawo oświatowe \\(Dz.U. 2024 poz. \\d+\\)</a>", page);
        Assert.Contains("<img src=\"https://www.example.gov.pl/ornament.svg\" alt=\"\">", page);
        Assert.Contains("<img src=\"assets/schemat-sieci.png\" width=\"800\" height=\"400\" alt=\"Schemat sieci szkolnej: router, przełącznik i punkty dostępowe\" />", page);
        Assert.Matches("<a href=\"assets/regulamin-naboru.pdf\">Regulamin naboru \\(PDF, \\d{3} B\\)</a>", page);
        Assert.Contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Tabela: Część, Forma, Godziny\" tabindex=\"0\">\n<table>", page);
        Assert.Contains("<div class=\"table-scroll\" role=\"region\" aria-label=\"Tabela: Część, Forma, Godziny (2)\" tabindex=\"0\">", page);
        Assert.Contains("aria-label=\"Tabela: Gmina, Szkoły, Uczniowie, Nauczyciele, Łącze (Mb/s), Punkty Wi-Fi, Tablice interaktywne, Laptopy, Koszt (zł), Termin zakupu\"", page);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(page, "<div class=\"table-scroll\""));
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(page, "<table>"), System.Text.RegularExpressions.Regex.Count(page, "</table>\n</div>"));
        Assert.DoesNotContain("in-person", page);
        Assert.Matches("<time datetime=\"\\d{4}-\\d{2}-\\d{2}\">\\d{1,2} (stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia) \\d{4} r\\.</time>", page);
    }

    [Fact]
    public async Task The_catalogue_serves_each_page_for_people_with_its_language_and_a_strict_policy()
    {
        var version = await new AccessibleReleaseSteps(steps).DifficultVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var anyone = api.CreateClient();

        var index = await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}/pages/index.html");
        var module = await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}/pages/modul-trudny.html");
        var missing = await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}/pages/nie-ma.html");
        var outside = await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}/pages/..%2Frelease.json");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["pl"], index.Content.Headers.ContentLanguage);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            index.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("href=\"modul-trudny.html\"", await index.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}
