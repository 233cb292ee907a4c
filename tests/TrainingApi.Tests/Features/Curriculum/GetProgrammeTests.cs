using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum;

public sealed class GetProgrammeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Reads_the_programme_with_its_etag()
    {
        var created = await CreateAsync("Program do odczytu");

        var response = await client.GetAsync($"/api/v1/programmes/{created.Id}");

        var read = await response.ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        Assert.Equal(created, read);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Answers_304_when_the_client_already_holds_the_current_version()
    {
        var created = await CreateAsync("Program w pamięci podręcznej");
        var first = await client.GetAsync($"/api/v1/programmes/{created.Id}");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/programmes/{created.Id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Answers_304_to_a_weak_tag_a_list_and_a_star_until_the_programme_changes()
    {
        var created = await CreateAsync("Program w wielu pamięciach");
        var url = $"/api/v1/programmes/{created.Id}";

        var tag = await ConditionalGets.AssertAnswers304Async(client, url);
        var update = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = HttpExtensions.JsonBody("{\"title\":\"Program zmieniony po odczycie\",\"summary\":null}"),
        }.WithHeader("If-Match", tag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(update)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(client, url, tag));
    }

    [Fact]
    public async Task Answers_200_when_if_none_match_names_an_older_version()
    {
        var created = await CreateAsync("Program zmieniony");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/programmes/{created.Id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1\""));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        var response = await client.GetAsync($"/api/v1/programmes/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_id_that_is_not_a_uuid_is_a_404_problem()
    {
        var response = await client.GetAsync("/api/v1/programmes/not-a-uuid");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private async Task<ProgrammeView> CreateAsync(string title) =>
        await (await client.PostJsonAsync("/api/v1/programmes", new { title })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);
}
