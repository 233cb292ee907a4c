using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum;

public sealed class ListProgrammesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Pages_through_every_programme_once_in_creation_order()
    {
        var titles = Enumerable.Range(1, 7).Select(i => $"Stronicowanie {i}").ToList();
        foreach (var title in titles)
        {
            (await client.PostJsonAsync("/api/v1/programmes", new { title })).EnsureSuccessStatusCode();
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/programmes?search=stronicowanie&limit=3" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await client.GetAsync(url)).ShouldBeAsync<Page<ProgrammeView>>(HttpStatusCode.OK);
            seen.AddRange(page.Items.Select(p => p.Title));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(titles, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Search_matches_part_of_the_title_in_any_case_and_treats_wildcards_literally()
    {
        (await client.PostJsonAsync("/api/v1/programmes", new { title = "Wytyczne DORADCZE" })).EnsureSuccessStatusCode();
        (await client.PostJsonAsync("/api/v1/programmes", new { title = "Program 100% zdalny" })).EnsureSuccessStatusCode();

        var byWord = await (await client.GetAsync("/api/v1/programmes?search=doradcze")).ShouldBeAsync<Page<ProgrammeView>>(HttpStatusCode.OK);
        var byPercent = await (await client.GetAsync("/api/v1/programmes?search=100%25")).ShouldBeAsync<Page<ProgrammeView>>(HttpStatusCode.OK);
        var wildcardOnly = await (await client.GetAsync("/api/v1/programmes?search=%25%25%25")).ShouldBeAsync<Page<ProgrammeView>>(HttpStatusCode.OK);

        Assert.Equal(["Wytyczne DORADCZE"], byWord.Items.Select(p => p.Title));
        Assert.Equal(["Program 100% zdalny"], byPercent.Items.Select(p => p.Title));
        Assert.Empty(wildcardOnly.Items);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    public async Task Bad_paging_parameters_are_400_problems(string query, string field)
    {
        var response = await client.GetAsync("/api/v1/programmes?" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_limit_that_is_not_a_number_is_a_400_problem()
    {
        var response = await client.GetAsync("/api/v1/programmes?limit=many");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }
}
