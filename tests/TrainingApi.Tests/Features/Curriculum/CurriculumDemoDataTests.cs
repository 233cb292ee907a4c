using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum;

/// <summary>The demo programme a newcomer sees: realistic, complete, and passing its own accessibility check.</summary>
public sealed class CurriculumDemoDataTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_demo_programme_has_five_modules_with_units_and_the_advisory_guidelines()
    {
        var (version, sections) = await DemoVersionAsync();

        Assert.Equal(VersionStatus.InConsultation, version.Status);
        Assert.True(version.Totals.Modules.Count >= 5);
        Assert.All(version.Totals.Modules, m =>
        {
            Assert.True(m.Units >= 2, $"{m.Anchor} has {m.Units} units");
            Assert.True(m.Hours > 0);
            Assert.True(m.Outcomes.Knowledge > 0 && m.Outcomes.Skills > 0 && m.Outcomes.SocialCompetences > 0, $"{m.Anchor} lacks outcomes");
        });
        Assert.Equal(version.Totals.Modules.Sum(m => m.Hours), version.Totals.Hours);
        Assert.True(sections.Count(s => s.Kind == SectionKind.AdvisoryGuideline) >= 4);
        Assert.Contains(sections, s => s.LegalActs.Count > 0);
    }

    [Fact]
    public async Task The_demo_programme_passes_its_own_accessibility_check()
    {
        var (version, _) = await DemoVersionAsync();

        var report = await (await team.GetAsync($"/api/v1/versions/{version.Id}/accessibility")).ShouldBeAsync<VersionAccessibilityReport>(HttpStatusCode.OK);

        Assert.True(report.Summary.Errors == 0, string.Join("\n", report.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => $"{f.Id}: {f.MessageEn}")));
        Assert.NotEmpty(report.Readability);
    }

    private async Task<(VersionView Version, IReadOnlyList<SectionView> Sections)> DemoVersionAsync()
    {
        var programmes = await (await team.GetAsync("/api/v1/programmes")).ShouldBeAsync<Page<ProgrammeView>>(HttpStatusCode.OK);
        var programme = Assert.Single(programmes.Items);
        var versions = await (await team.GetAsync($"/api/v1/programmes/{programme.Id}/versions")).ShouldBeAsync<Page<ListVersions.VersionSummary>>(HttpStatusCode.OK);
        var version = await (await team.GetAsync($"/api/v1/versions/{versions.Items.Single(v => v.Label == "1.0").Id}")).ShouldBeAsync<VersionView>(HttpStatusCode.OK);
        var sections = await (await team.GetAsync($"/api/v1/versions/{version.Id}/sections?limit=100")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        return (version, sections.Items);
    }

    public sealed class DemoFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DemoData:Load"] = "true" };
    }
}
