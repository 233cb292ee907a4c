using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover;

/// <summary>The demo a newcomer finds in the public catalogue: a published release of the demo programme with its files.</summary>
public sealed class HandoverDemoDataTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task The_catalogue_holds_a_published_release_of_the_demo_programme()
    {
        var anyone = api.CreateClient();

        var latest = await (await anyone.GetAsync("/api/v1/catalogue/releases/latest")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
        var zip = await anyone.GetAsync(latest.Files.Single(f => f.Format == "zip").Url);
        var list = await (await anyone.GetAsync("/api/v1/catalogue/releases")).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK);

        Assert.Equal(("2.0.0", "2.0", true), (latest.SemanticVersion, latest.ProgrammeVersion, latest.Latest));
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Single(list.Items);
    }

    [Fact]
    public async Task Every_page_of_the_demo_release_has_no_axe_violation_in_chromium()
    {
        var anyone = api.CreateClient();
        var latest = await (await anyone.GetAsync("/api/v1/catalogue/releases/latest")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
        var zip = await anyone.GetByteArrayAsync(latest.Files.Single(f => f.Format == "zip").Url);

        var report = await AxeInBrowser.CheckBundleAsync(zip);

        Assert.True(report.Pages.Count >= 3, string.Join(", ", report.Pages.Select(p => p.Page)));
        Assert.Contains(report.Pages, p => p.Page == "deklaracja-dostepnosci.html");
        Assert.True(report.Pages.All(p => p.Violations.Count == 0), AxeInBrowser.Describe(report));
    }
}
