using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Diff;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Diff;

public sealed class DiffVersionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task Reports_added_removed_moved_and_changed_sections_by_anchor_with_a_word_diff()
    {
        var programme = await Steps.ProgrammeAsync();
        var v10 = await Steps.VersionAsync(programme.Id, "1.0");
        await Steps.SectionAsync(v10.Id, "modul-1");
        await Steps.SectionAsync(v10.Id, "modul-2");
        await Steps.SectionAsync(v10.Id, "modul-1-1", "unit", "modul-1", markdown: "Szkoły przetwarzają dane uczniów.");
        await Steps.SectionAsync(v10.Id, "modul-1-2", "unit", "modul-1");
        await Steps.SectionAsync(v10.Id, "stary-zalacznik", "annex");
        await Steps.MoveAlongAsync(v10.Id, VersionStatus.InReview);
        var v11 = await Steps.VersionAsync(programme.Id, "1.1", v10.Id);

        var (unit, etag) = await Steps.ReadSectionAsync(v11.Id, "modul-1-1");
        (await Steps.PutSectionAsync(v11.Id, "modul-1-1", new { parentAnchor = "modul-1", title = unit.Title, markdown = "Szkoły przetwarzają dane uczniów i rodziców." }, etag)).EnsureSuccessStatusCode();
        var (moving, movingTag) = await Steps.ReadSectionAsync(v11.Id, "modul-1-2");
        (await Steps.PutSectionAsync(v11.Id, "modul-1-2", new { parentAnchor = "modul-2", title = moving.Title, markdown = moving.Markdown }, movingTag)).EnsureSuccessStatusCode();
        (await expert.DeleteAsync($"/api/v1/versions/{v11.Id}/sections/stary-zalacznik")).EnsureSuccessStatusCode();
        await Steps.SectionAsync(v11.Id, "modul-3");

        var diff = await (await expert.GetAsync($"/api/v1/programmes/{programme.Id}/diff?from={v10.Id}&to={v11.Id}"))
            .ShouldBeAsync<DiffVersions.Result>(HttpStatusCode.OK);

        Assert.Equal(("1.0", "1.1", 1, 1, 1, 1), (diff.From, diff.To, diff.Added, diff.Removed, diff.Moved, diff.Changed));
        var changed = diff.Sections.Single(s => s.Anchor == "modul-1-1");
        Assert.Equal(DiffVersions.SectionChange.Changed, changed.Change);
        Assert.Equal(["markdown"], changed.ChangedFields);
        Assert.Contains(changed.TextDiff!, r => r.Op == DiffOperation.Insert && r.Text.Contains("rodziców", StringComparison.Ordinal));
        Assert.Equal("Szkoły przetwarzają dane uczniów i rodziców.",
            string.Concat(changed.TextDiff!.Where(r => r.Op != DiffOperation.Delete).Select(r => r.Text)));
        var moved = diff.Sections.Single(s => s.Anchor == "modul-1-2");
        Assert.Equal(DiffVersions.SectionChange.Moved, moved.Change);
        Assert.Equal(("modul-1", "modul-2"), (moved.Before!.ParentAnchor, moved.After!.ParentAnchor));
        Assert.Equal(DiffVersions.SectionChange.Removed, diff.Sections.Single(s => s.Anchor == "stary-zalacznik").Change);
        Assert.Equal(DiffVersions.SectionChange.Added, diff.Sections.Single(s => s.Anchor == "modul-3").Change);
        Assert.DoesNotContain(diff.Sections, s => s.Anchor is "modul-1" or "modul-2");
    }

    [Fact]
    public async Task A_version_of_another_programme_is_a_404_problem()
    {
        var mine = await Steps.DraftAsync();
        var other = await Steps.DraftAsync();

        var response = await expert.GetAsync($"/api/v1/programmes/{mine.ProgrammeId}/diff?from={mine.Id}&to={other.Id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Missing_versions_are_a_400_problem()
    {
        var mine = await Steps.DraftAsync();

        var response = await expert.GetAsync($"/api/v1/programmes/{mine.ProgrammeId}/diff?from={mine.Id}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("to"));
    }
}
