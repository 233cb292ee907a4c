using System.Net;
using System.Text;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Exports;

/// <summary>
/// The exported pages as an auditor checks them: every page of the ZIP bundle opened in headless Chromium with axe-core 4.x
/// (wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice), for a release built from deliberately difficult content. The demo
/// release gets the same check in HandoverDemoDataTests.
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
        Assert.All(report.Pages, p => Assert.StartsWith("4.", p.AxeVersion, StringComparison.Ordinal));
        Assert.Equal(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"], report.Tags);
        Assert.True(report.Pages.All(p => p.Violations.Count == 0), AxeInBrowser.Describe(report));
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
        Assert.Contains("default-src 'none'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("href=\"modul-trudny.html\"", await index.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}
