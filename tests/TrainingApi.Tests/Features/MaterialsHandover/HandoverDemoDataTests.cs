using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Features.MaterialsHandover.Indicators;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Features.MaterialsHandover.SectionHistory.GetSectionHistory;

namespace TrainingApi.Tests.Features.MaterialsHandover;

/// <summary>The demo a newcomer finds: the evidence chain's releases in the catalogue, reach, indicators and a section history with real content.</summary>
public sealed class HandoverDemoDataTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task The_catalogue_holds_the_legal_update_as_latest_carrying_the_pilot_evidence_of_2_0()
    {
        var anyone = api.CreateClient();

        var latest = await (await anyone.GetAsync("/api/v1/catalogue/releases/latest")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
        var zip = await anyone.GetAsync(latest.Files.Single(f => f.Format == "zip").Url);
        var list = await (await anyone.GetAsync("/api/v1/catalogue/releases")).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK);
        var handovers = await (await api.ClientAs(Roles.Ministry).GetAsync("/api/v1/handovers")).ShouldBeAsync<Page<HandoverView>>(HttpStatusCode.OK);
        var release = await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync($"/api/v1/releases/{latest.Id}"))
            .ShouldBeAsync<TrainingApi.Features.MaterialsHandover.Releases.ReleaseView>(HttpStatusCode.OK);

        Assert.Equal(("2.1.0", "2.1", true), (latest.SemanticVersion, latest.ProgrammeVersion, latest.Latest));
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal(2, list.Items.Count);
        Assert.Equal(("2.0", "change-in-law"), (release.EvidenceCarriedFrom, release.UpdateReason));
        Assert.NotNull(release.PilotRecruitmentId);
        Assert.Equal("2.1.0", Assert.Single(handovers.Items).SupersededBy!.SemanticVersion);
    }

    [Fact]
    public async Task Reach_indicators_and_the_history_of_the_updated_unit_have_content()
    {
        var anyone = api.CreateClient();
        var programme = (await (await api.ClientAs(Roles.Expert).GetAsync("/api/v1/programmes")).ShouldBeAsync<Page<ProgrammeView>>(HttpStatusCode.OK)).Items[0];

        var counts = await (await anyone.GetAsync("/api/v1/catalogue/adoption-counts")).ShouldBeAsync<CountAdoptions.Counts>(HttpStatusCode.OK);
        var indicators = await (await anyone.GetAsync("/api/v1/catalogue/indicators")).ShouldBeAsync<IndicatorReport>(HttpStatusCode.OK);
        var history = await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync($"/api/v1/programmes/{programme.Id}/sections/modul-3-1/history"))
            .ShouldBeAsync<SectionHistoryView>(HttpStatusCode.OK);

        Assert.Equal(3, counts.Jst);
        var actual = indicators.Indicators.ToDictionary(i => i.Code, i => i.Actual);
        Assert.Equal((3, 3, 3), (actual["pilot-jst-recruited"], actual["pilot-jst-completed"], actual["jst-reached"]));
        Assert.Equal(3, actual["officials-trained"]);
        Assert.Equal(Enum.GetValues<HistoryEntryKind>().ToHashSet(), history.Entries.Select(e => e.Kind).ToHashSet());
        Assert.Equal(["1.0", "2.0", "2.1"], history.Entries.Where(e => e.Kind == HistoryEntryKind.VersionText).Select(e => e.VersionLabel));
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
        Assert.True(report.Pages.All(p => !p.Reflow.ScrollsSideways), AxeInBrowser.DescribeReflow(report));
    }
}
