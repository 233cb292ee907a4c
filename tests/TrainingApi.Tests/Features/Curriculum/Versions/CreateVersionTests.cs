using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Versions;

public sealed class CreateVersionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task Creates_an_empty_draft()
    {
        var programme = await Steps.ProgrammeAsync();

        var version = await Steps.VersionAsync(programme.Id, "0.9");

        Assert.Equal(VersionStatus.Draft, version.Status);
        Assert.Equal([VersionStatus.InReview, VersionStatus.Superseded], version.NextStatuses);
        Assert.Equal(0, version.Totals.Sections);
    }

    [Fact]
    public async Task A_draft_made_from_a_frozen_version_keeps_its_anchors_tree_and_citations()
    {
        var programme = await Steps.ProgrammeAsync();
        var act = await Steps.ActAsync("Dz.U. 2021 poz. 1500");
        var original = await Steps.VersionAsync(programme.Id, "1.0");
        await Steps.SectionAsync(original.Id, "modul-1", hours: 2);
        await Steps.SectionAsync(original.Id, "modul-1-1", "unit", "modul-1", hours: 4, legalActs: [act.Citation]);
        await Steps.SectionAsync(original.Id, "modul-1-2", "unit", "modul-1", hours: 2);
        await Steps.MoveAlongAsync(original.Id, VersionStatus.InReview);

        var copy = await Steps.VersionAsync(programme.Id, "1.1", original.Id);

        Assert.Equal(original.Id, copy.BasedOnVersionId);
        Assert.Equal(8, copy.Totals.Hours);
        var sections = await (await expert.GetAsync($"/api/v1/versions/{copy.Id}/sections")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        Assert.Equal(["modul-1", "modul-1-1", "modul-1-2"], sections.Items.Select(s => s.Anchor));
        Assert.Equal("modul-1", sections.Items[1].ParentAnchor);
        Assert.Equal([act.Citation], sections.Items[1].LegalActs);
        await using var db = api.Db();
        Assert.Equal(3, await db.Context.Set<Section>().CountAsync(s => s.VersionId == original.Id));
    }

    [Fact]
    public async Task A_label_already_used_is_a_409_problem()
    {
        var programme = await Steps.ProgrammeAsync();
        await Steps.VersionAsync(programme.Id, "1.0");

        var response = await expert.PostJsonAsync($"/api/v1/programmes/{programme.Id}/versions", new { label = "1.0" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("version-label-taken", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("wersja pierwsza")]
    [InlineData("1")]
    [InlineData("1.0.0")]
    public async Task A_label_that_is_not_major_dot_minor_is_a_400_problem(string label)
    {
        var programme = await Steps.ProgrammeAsync();

        var response = await expert.PostJsonAsync($"/api/v1/programmes/{programme.Id}/versions", new { label });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("label"));
    }

    [Fact]
    public async Task An_unknown_programme_or_a_base_from_another_programme_is_a_404_problem()
    {
        var other = await Steps.DraftAsync();
        var programme = await Steps.ProgrammeAsync();

        var unknown = await expert.PostJsonAsync($"/api/v1/programmes/{Guid.NewGuid()}/versions", new { label = "1.0" });
        var foreignBase = await expert.PostJsonAsync($"/api/v1/programmes/{programme.Id}/versions", new { label = "1.0", basedOnVersionId = other.Id });

        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await foreignBase.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var db = api.Db();
        Assert.False(await db.Context.Set<ProgrammeVersion>().AnyAsync(v => v.ProgrammeId == programme.Id));
    }

    [Fact]
    public async Task Coordinators_may_not_create_versions()
    {
        var programme = await Steps.ProgrammeAsync();

        var response = await api.ClientAs(Roles.JstCoordinator).PostJsonAsync($"/api/v1/programmes/{programme.Id}/versions", new { label = "1.0" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_update_of_a_version_that_was_never_tested_is_a_422_and_creates_nothing()
    {
        var steps = new CurriculumSteps(api.ClientAs(Roles.ProgrammeTeam));
        var base10 = await steps.DraftAsync();
        await steps.MoveAlongAsync(base10.Id, VersionStatus.InReview);

        var response = await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/programmes/{base10.ProgrammeId}/versions",
            new { label = "1.1", basedOnVersionId = base10.Id, updateReason = "correction", notes = "Poprawka literówki." });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("predecessor-not-tested", problem.GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.False(await db.Context.Set<ProgrammeVersion>().AnyAsync(v => v.ProgrammeId == base10.ProgrammeId && v.Label == "1.1"));
    }

    [Fact]
    public async Task An_update_without_a_base_or_without_notes_is_a_400_problem()
    {
        var programme = await new CurriculumSteps(api.ClientAs(Roles.ProgrammeTeam)).ProgrammeAsync();

        var response = await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/programmes/{programme.Id}/versions",
            new { label = "2.1", updateReason = "change-in-technology" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("basedOnVersionId"));
        Assert.NotEmpty(problem.ErrorsFor("notes"));
    }
}
