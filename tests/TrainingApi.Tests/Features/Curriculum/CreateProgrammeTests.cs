using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum;

public sealed class CreateProgrammeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Creates_the_programme_and_answers_201_with_location_and_etag()
    {
        var response = await client.PostJsonAsync("/api/v1/programmes", new { title = "  Cyfryzacja szkół w JST ", summary = "Koncepcja programu" });

        var created = await response.ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);
        Assert.Equal("Cyfryzacja szkół w JST", created.Title);
        Assert.Equal($"/api/v1/programmes/{created.Id}", response.Headers.Location?.ToString());
        Assert.NotNull(response.Headers.ETag);

        await using var db = api.Db();
        var stored = await db.Context.Set<Programme>().SingleAsync(p => p.Id == created.Id);
        Assert.Equal("Koncepcja programu", stored.Summary);
        Assert.Equal($"\"{stored.Version}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task An_empty_title_is_a_400_problem_naming_the_field_and_nothing_is_stored()
    {
        var before = await CountAsync();

        var response = await client.PostJsonAsync("/api/v1/programmes", new { title = "" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("'title' must not be empty.", problem.ErrorsFor("title"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_problem_is_in_polish_when_the_client_asks_for_polish()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/programmes") { Content = HttpExtensions.JsonBody("""{"title":""}""") }
            .WithHeader("Accept-Language", "pl");

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal("Co najmniej jedno pole ma niepoprawną wartość.", problem.GetProperty("title").GetString());
        Assert.Contains("Pole 'title' nie może być puste.", problem.ErrorsFor("title"));
    }

    [Fact]
    public async Task A_title_over_300_characters_is_refused()
    {
        var response = await client.PostJsonAsync("/api/v1/programmes", new { title = new string('a', 301) });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Single(problem.ErrorsFor("title"));
    }

    [Fact]
    public async Task An_unknown_member_is_refused_so_a_typo_is_not_silently_dropped()
    {
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/programmes", HttpExtensions.JsonBody("""{"title":"Program","summmary":"typo"}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Contains("$.summmary", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("TrainingApi", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await client.PostAsync("/api/v1/programmes", HttpExtensions.JsonBody("""{"title": "Program" """));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415_problem()
    {
        var response = await client.PostAsync("/api/v1/programmes", new StringContent("title=Program", System.Text.Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var huge = new string('x', 5 * 1024 * 1024);

        var response = await client.PostAsync("/api/v1/programmes", HttpExtensions.JsonBody($$"""{"title":"{{huge}}"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    private async Task<int> CountAsync()
    {
        await using var db = api.Db();
        return await db.Context.Set<Programme>().CountAsync();
    }
}
