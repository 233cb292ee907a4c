using System.Net;
using System.Text.Json.Nodes;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Sections;

public sealed class ListSectionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task Lists_in_document_order_with_depth_and_pages_by_cursor()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-2");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1");
        await Steps.SectionAsync(version.Id, "modul-2-1", "unit", "modul-2");
        await Steps.SectionAsync(version.Id, "zalacznik", "annex");

        var first = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections?limit=3")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        var second = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections?limit=3&cursor={first.NextCursor}")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);

        Assert.Equal(["modul-1", "modul-1-1", "modul-2"], first.Items.Select(s => s.Anchor));
        Assert.Equal([0, 1, 0], first.Items.Select(s => s.Depth));
        Assert.Equal(["modul-2-1", "zalacznik"], second.Items.Select(s => s.Anchor));
        Assert.Null(second.NextCursor);
    }

    /// <summary>A cursor naming no section of the list is refused, as on every other list, not taken for the first page.</summary>
    [Theory]
    [InlineData("bm90LWFuLWFuY2hvcg")]
    [InlineData("%%%")]
    public async Task A_cursor_this_list_did_not_give_is_a_400(string cursor)
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");

        var response = await expert.GetAsync($"/api/v1/versions/{version.Id}/sections?cursor={cursor}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("cursor"));
    }

    [Fact]
    public async Task The_last_page_sends_next_cursor_as_null()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");

        var body = JsonNode.Parse(await expert.GetStringAsync($"/api/v1/versions/{version.Id}/sections"))!.AsObject();

        Assert.True(body.TryGetPropertyValue("nextCursor", out var next), "nextCursor is always sent");
        Assert.Null(next);
    }

    [Fact]
    public async Task Filters_by_kind()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1");
        await Steps.SectionAsync(version.Id, "wytyczne", "advisory-guideline");

        var units = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections?kind=unit")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        var guidelines = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections?kind=advisory-guideline")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);

        Assert.Equal(["modul-1-1"], units.Items.Select(s => s.Anchor));
        Assert.Equal(["wytyczne"], guidelines.Items.Select(s => s.Anchor));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_problem()
    {
        var version = await Steps.DraftAsync();

        await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections?kind=chapter")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_section_is_read_by_anchor_with_304_when_unchanged()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/versions/{version.Id}/sections/modul-1");
        request.Headers.IfNoneMatch.Add(etag);

        Assert.Equal(HttpStatusCode.NotModified, (await expert.SendAsync(request)).StatusCode);
        await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections/nie-ma")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
