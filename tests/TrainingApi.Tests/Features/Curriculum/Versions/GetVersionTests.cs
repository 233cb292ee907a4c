using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Versions;

public sealed class GetVersionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task Totals_are_summed_from_the_sections()
    {
        var version = await Steps.DraftAsync();
        var outcomes = new { knowledge = new[] { "Zna A", "Zna B" }, skills = new[] { "Potrafi C" }, socialCompetences = new[] { "Jest gotów D" } };
        await Steps.SectionAsync(version.Id, "modul-1", hours: 1, outcomes: outcomes);
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1", hours: 3.5m, outcomes: new { knowledge = new[] { "Zna E" } });
        await Steps.SectionAsync(version.Id, "modul-1-2", "unit", "modul-1", hours: 2);
        await Steps.SectionAsync(version.Id, "modul-2", hours: 6);
        await Steps.SectionAsync(version.Id, "wytyczne", "advisory-guideline");

        var read = await (await expert.GetAsync($"/api/v1/versions/{version.Id}")).ShouldBeAsync<VersionView>(HttpStatusCode.OK);

        Assert.Equal(12.5m, read.Totals.Hours);
        Assert.Equal(5, read.Totals.Sections);
        Assert.Equal(2, read.Totals.Modules.Count);
        var first = read.Totals.Modules[0];
        Assert.Equal(("modul-1", 6.5m, 2), (first.Anchor, first.Hours, first.Units));
        Assert.Equal(new OutcomeCounts(3, 1, 1), first.Outcomes);
        Assert.Equal(new OutcomeCounts(0, 0, 0), read.Totals.Modules[1].Outcomes);
    }

    [Fact]
    public async Task The_etag_changes_when_a_section_changes_and_304_answers_while_it_does_not()
    {
        var version = await Steps.DraftAsync();
        var first = await expert.GetAsync($"/api/v1/versions/{version.Id}");

        var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/versions/{version.Id}");
        unchanged.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await expert.SendAsync(unchanged)).StatusCode);

        await Steps.SectionAsync(version.Id, "modul-1", hours: 2);
        var changed = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/versions/{version.Id}");
        changed.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await expert.SendAsync(changed)).StatusCode);
    }

    [Fact]
    public async Task A_partner_does_not_see_a_draft_but_sees_a_version_in_consultation()
    {
        var team = new CurriculumSteps(api.ClientAs(Roles.ProgrammeTeam));
        var draft = await team.DraftAsync();
        var consulted = await team.DraftAsync();
        await team.MoveAlongAsync(consulted.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        var partner = await api.PartnerClientAsync(TrainingApi.Features.Consultations.Organisations.SeededOrganisations.Zmp);

        await (await partner.GetAsync($"/api/v1/versions/{draft.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/versions/{consulted.Id}")).StatusCode);
        var listed = await (await partner.GetAsync($"/api/v1/programmes/{consulted.ProgrammeId}/versions"))
            .ShouldBeAsync<TrainingApi.Common.Http.Page<ListVersions.VersionSummary>>(HttpStatusCode.OK);
        Assert.Equal([consulted.Id], listed.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task An_unknown_version_is_a_404_problem()
    {
        await (await expert.GetAsync($"/api/v1/versions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
