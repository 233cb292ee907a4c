using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Sections;

public sealed class UpdateSectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task Changes_the_content_and_renders_it_again()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", hours: 2);
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");

        var response = await Steps.PutSectionAsync(version.Id, "modul-1", new { title = "Nowy tytuł", markdown = "Nowa *treść*.", hours = 3 }, etag);

        var section = await response.ShouldBeAsync<SectionView>(HttpStatusCode.OK);
        Assert.Equal("Nowy tytuł", section.Title);
        Assert.Contains("<em>treść</em>", section.Html, StringComparison.Ordinal);
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task Moves_a_unit_to_another_module_and_closes_the_gap_it_left()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-2");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1");
        await Steps.SectionAsync(version.Id, "modul-1-2", "unit", "modul-1");
        await Steps.SectionAsync(version.Id, "modul-2-1", "unit", "modul-2");
        var (unit, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1-1");

        var response = await Steps.PutSectionAsync(version.Id, "modul-1-1", new { parentAnchor = "modul-2", position = 0, title = unit.Title, markdown = unit.Markdown }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        Assert.Equal(["modul-1", "modul-1-2", "modul-2", "modul-1-1", "modul-2-1"], page.Items.Select(s => s.Anchor));
        Assert.Equal(0, page.Items.Single(s => s.Anchor == "modul-1-2").Position);
    }

    [Fact]
    public async Task Moving_a_section_under_its_own_descendant_is_a_422_problem_and_nothing_moves()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "wytyczne", "advisory-guideline");
        await Steps.SectionAsync(version.Id, "wytyczne-diagnoza", "advisory-guideline", "wytyczne");
        await Steps.SectionAsync(version.Id, "wytyczne-diagnoza-ankieta", "advisory-guideline", "wytyczne-diagnoza");
        var (top, etag) = await Steps.ReadSectionAsync(version.Id, "wytyczne");

        var response = await Steps.PutSectionAsync(version.Id, "wytyczne", new { parentAnchor = "wytyczne-diagnoza-ankieta", title = top.Title, markdown = top.Markdown }, etag);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("section-cycle", problem.GetProperty("code").GetString());
        Assert.Null((await Steps.ReadSectionAsync(version.Id, "wytyczne")).Section.ParentAnchor);
    }

    [Fact]
    public async Task Without_if_match_428_and_with_a_stale_etag_412()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");
        (await Steps.PutSectionAsync(version.Id, "modul-1", new { title = "Pierwsza zmiana", markdown = "A." }, etag)).EnsureSuccessStatusCode();

        var missing = await Steps.PutSectionAsync(version.Id, "modul-1", new { title = "Bez ETag", markdown = "B." }, null);
        var stale = await Steps.PutSectionAsync(version.Id, "modul-1", new { title = "Stary ETag", markdown = "C." }, etag);

        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal("Pierwsza zmiana", (await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.Title);
    }

    [Fact]
    public async Task An_unknown_anchor_is_a_404_problem()
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.PutSectionAsync(version.Id, "nie-ma", new { title = "T", markdown = "M" }, new EntityTagHeaderValue("\"1\""));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Script_in_the_new_markdown_is_a_400_problem_and_the_old_content_stays()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", markdown: "Bezpieczna treść.");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");

        var response = await Steps.PutSectionAsync(version.Id, "modul-1", new { title = "T", markdown = "<div onclick=\"steal()\">x</div>" }, etag);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal("Bezpieczna treść.", (await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.Markdown);
    }

    [Fact]
    public async Task A_section_read_with_get_can_be_put_back_unchanged_and_only_its_version_and_time_move()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1", hours: 2.5m,
            outcomes: new { knowledge = new[] { "Zna obowiązki JST." }, skills = new[] { "Potrafi ocenić ryzyko." } });
        var read = await expert.GetAsync($"/api/v1/versions/{version.Id}/sections/modul-1-1");
        var body = await read.Content.ReadAsStringAsync();

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/versions/{version.Id}/sections/modul-1-1") { Content = HttpExtensions.JsonBody(body) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var response = await expert.SendAsync(put);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.NotEqual(read.Headers.ETag, response.Headers.ETag);
        var before = JsonNode.Parse(body)!.AsObject();
        var after = JsonNode.Parse(await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections/modul-1-1")).Content.ReadAsStringAsync())!.AsObject();
        before.Remove("updatedAt");
        after.Remove("updatedAt");
        Assert.True(JsonNode.DeepEquals(before, after), $"{before.ToJsonString()}\n{after.ToJsonString()}");
    }

    [Fact]
    public async Task A_misspelt_member_is_still_a_400_naming_it()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");

        var response = await Steps.PutSectionAsync(version.Id, "modul-1", new { title = "T", markdown = "M", hoursTotal = 3 }, etag);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.NotEmpty(problem.ErrorsFor("$.hoursTotal"));
    }
}
