using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum;

public sealed class UpdateProgrammeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Updates_with_the_current_etag_and_answers_a_new_etag()
    {
        var (created, etag) = await CreateAsync("Przed zmianą");

        var response = await client.SendAsync(Put(created.Id, new { title = "Po zmianie", summary = "Nowe streszczenie" }, etag));

        var updated = await response.ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        Assert.Equal("Po zmianie", updated.Title);
        Assert.NotEqual(etag, response.Headers.ETag);
        await using var db = api.Db();
        Assert.Equal("Nowe streszczenie", (await db.Context.Set<Programme>().SingleAsync(p => p.Id == created.Id)).Summary);
    }

    [Fact]
    public async Task Without_if_match_it_is_a_428_problem_and_nothing_changes()
    {
        var (created, _) = await CreateAsync("Bez If-Match");

        var response = await client.SendAsync(Put(created.Id, new { title = "Zmieniony" }, etag: null));

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await AssertTitleAsync(created.Id, "Bez If-Match");
    }

    [Fact]
    public async Task With_a_stale_etag_it_is_a_412_problem_and_the_newer_change_stays()
    {
        var (created, etag) = await CreateAsync("Wersja A");
        (await client.SendAsync(Put(created.Id, new { title = "Wersja B" }, etag))).EnsureSuccessStatusCode();

        var response = await client.SendAsync(Put(created.Id, new { title = "Wersja C" }, etag));

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await AssertTitleAsync(created.Id, "Wersja B");
    }

    [Fact]
    public async Task Two_concurrent_updates_with_the_same_etag_let_exactly_one_win()
    {
        var (created, etag) = await CreateAsync("Wyścig");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => client.SendAsync(Put(created.Id, new { title = $"Zwycięzca {i}" }, etag))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
    }

    [Fact]
    public async Task Concurrent_updates_with_if_match_star_all_land_the_last_writer_wins_and_each_is_audited()
    {
        var (created, _) = await CreateAsync("Przed wyścigiem");
        var titles = Enumerable.Range(0, 12).Select(i => $"Tytuł {i}").ToList();

        var responses = await Task.WhenAll(titles.Select(title => client.SendAsync(Put(created.Id, new { title }, EntityTagHeaderValue.Any))));

        foreach (var response in responses)
        {
            await response.ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        }

        await using var db = api.Db();
        var final = (await db.Context.Set<Programme>().SingleAsync(p => p.Id == created.Id)).Title;
        var audited = await db.Context.Set<AuditEntry>().Where(a => a.EntityType == "Programme" && a.EntityId == created.Id.ToString() && a.Operation == "updated").ToListAsync();
        var changes = audited.Select(a => JsonDocument.Parse(a.Changes).RootElement.GetProperty("title"))
            .Select(t => (From: t.GetProperty("from").GetString(), To: t.GetProperty("to").GetString())).ToList();
        Assert.Equal(titles.Order(StringComparer.Ordinal), changes.Select(c => c.To).Order(StringComparer.Ordinal));
        // One after another, each over the one before, ending in the title that stayed.
        var reached = "Przed wyścigiem";
        foreach (var _ in changes)
        {
            reached = Assert.Single(changes, c => c.From == reached).To;
        }

        Assert.Equal(final, reached);
    }

    [Fact]
    public async Task An_invalid_title_is_a_400_problem_and_nothing_changes()
    {
        var (created, etag) = await CreateAsync("Poprawny tytuł");

        var response = await client.SendAsync(Put(created.Id, new { title = " " }, etag));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await AssertTitleAsync(created.Id, "Poprawny tytuł");
    }

    [Fact]
    public async Task An_unknown_programme_is_a_404_problem()
    {
        var response = await client.SendAsync(Put(Guid.NewGuid(), new { title = "Nic" }, new EntityTagHeaderValue("\"1\"")));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private static HttpRequestMessage Put(Guid id, object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programmes/{id}")
        {
            Content = HttpExtensions.JsonBody(System.Text.Json.JsonSerializer.Serialize(body, HttpExtensions.Json)),
        };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return request;
    }

    private async Task<(ProgrammeView Programme, EntityTagHeaderValue ETag)> CreateAsync(string title)
    {
        var response = await client.PostJsonAsync("/api/v1/programmes", new { title });
        return (await response.ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created), response.Headers.ETag!);
    }

    private async Task AssertTitleAsync(Guid id, string title)
    {
        await using var db = api.Db();
        Assert.Equal(title, (await db.Context.Set<Programme>().SingleAsync(p => p.Id == id)).Title);
    }
}
