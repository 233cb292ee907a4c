using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Sections;

public sealed class DeleteSectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task Deletes_a_leaf_and_its_siblings_close_the_gap()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-2");
        await Steps.SectionAsync(version.Id, "modul-3");

        var response = await expert.DeleteAsync($"/api/v1/versions/{version.Id}/sections/modul-2");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var page = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        Assert.Equal([("modul-1", 0), ("modul-3", 1)], page.Items.Select(s => (s.Anchor, s.Position)));
    }

    [Fact]
    public async Task A_section_with_subsections_is_a_409_problem()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1");

        var response = await expert.DeleteAsync($"/api/v1/versions/{version.Id}/sections/modul-1");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("section-has-children", problem.GetProperty("code").GetString());
        Assert.Equal("modul-1", (await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.Anchor);
    }

    [Fact]
    public async Task An_unknown_anchor_is_a_404_problem()
    {
        var version = await Steps.DraftAsync();

        await (await expert.DeleteAsync($"/api/v1/versions/{version.Id}/sections/nie-ma")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
