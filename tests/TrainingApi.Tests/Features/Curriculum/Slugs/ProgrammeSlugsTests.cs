using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Slugs;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Slugs;

/// <summary>
/// A programme's slug: made from the title with Polish letters folded, or given; never held by two programmes, never reused, and
/// fixed once a release of the programme exists. Every refusal leaves the programmes and the reservations as they were.
/// </summary>
public sealed class ProgrammeSlugsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Theory]
    [InlineData("Zarządzanie cyfryzacją szkół w JST", "zarzadzanie-cyfryzacja-szkol-w-jst")]
    [InlineData("  Łódź, Żółć & Gęślą — jaźń 2025 ", "lodz-zolc-gesla-jazn-2025")]
    [InlineData("ŁAŃCUCH dostaw: ĆMA", "lancuch-dostaw-cma")]
    public void Titles_fold_to_ascii(string title, string slug) => Assert.Equal(slug, ProgrammeSlug.FromTitle(title));

    [Fact]
    public void A_long_title_is_cut_at_a_word_end_within_80_characters()
    {
        var slug = ProgrammeSlug.FromTitle(string.Join(' ', Enumerable.Repeat("cyfryzacja", 20)));

        Assert.True(slug.Length <= ProgrammeSlug.MaxLength);
        Assert.True(ProgrammeSlug.IsWellFormed(slug));
        Assert.EndsWith("cyfryzacja", slug);
    }

    [Fact]
    public async Task Created_without_a_slug_the_programme_gets_its_titles_and_holds_it()
    {
        var created = await (await team.PostJsonAsync("/api/v1/programmes", new { title = "Łączność w szkołach gminy" })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);

        Assert.Equal("lacznosc-w-szkolach-gminy", created.Slug);
        Assert.Null(created.SlugFixedAt);
        await using var db = api.Db();
        Assert.Equal(created.Id, (await db.Context.Set<SlugReservation>().SingleAsync(s => s.Slug == "lacznosc-w-szkolach-gminy")).ProgrammeId);
    }

    [Fact]
    public async Task A_second_programme_of_the_same_title_is_409_with_a_free_suggestion_and_nothing_is_created()
    {
        await team.PostJsonAsync("/api/v1/programmes", new { title = "Bezpieczeństwo sieci szkolnych" });
        var before = await CountsAsync();

        var response = await team.PostJsonAsync("/api/v1/programmes", new { title = "Bezpieczeństwo  sieci szkolnych!" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("slug-taken", problem.GetProperty("code").GetString());
        Assert.Equal("bezpieczenstwo-sieci-szkolnych", problem.GetProperty("slug").GetString());
        var suggested = problem.GetProperty("suggestedSlug").GetString()!;
        Assert.Equal("bezpieczenstwo-sieci-szkolnych-2", suggested);
        Assert.Equal(before, await CountsAsync());

        var retried = await (await team.PostJsonAsync("/api/v1/programmes", new { title = "Bezpieczeństwo sieci szkolnych", slug = suggested }))
            .ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);
        Assert.Equal(suggested, retried.Slug);
    }

    [Theory]
    [InlineData("Ab")]
    [InlineData("z-wielkiej-Litery")]
    [InlineData("dwa--laczniki")]
    [InlineData("-na-poczatku")]
    [InlineData("zażółć")]
    public async Task A_malformed_slug_is_400_naming_slug_and_nothing_is_created(string slug)
    {
        var before = await CountsAsync();

        var problem = await (await team.PostJsonAsync("/api/v1/programmes", new { title = "Program", slug })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _), problem.ToString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_title_with_nothing_to_make_a_slug_of_is_400_asking_for_one()
    {
        var problem = await (await team.PostJsonAsync("/api/v1/programmes", new { title = "— ! —" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _), problem.ToString());
    }

    [Fact]
    public async Task A_new_title_keeps_the_slug_and_a_new_slug_moves_it_while_the_old_one_stays_reserved()
    {
        var created = await CreateAsync("Stary tytuł programu", "stary-tytul");

        var renamed = await PutAsync(created, new { title = "Nowy tytuł programu" });
        var renamedView = await renamed.ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        Assert.Equal("stary-tytul", renamedView.Slug);

        var moved = await (await PutAsync(created.Id, renamed.Headers.ETag!, new { title = "Nowy tytuł programu", slug = "nowy-tytul" })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        Assert.Equal("nowy-tytul", moved.Slug);

        // Never reused: another programme may not take the slug the first one left.
        var taken = await team.PostJsonAsync("/api/v1/programmes", new { title = "Inny program", slug = "stary-tytul" });
        Assert.Equal("slug-taken", (await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Moving_to_a_slug_another_programme_holds_is_409_and_the_slug_stays()
    {
        await CreateAsync("Pierwszy", "zajety-identyfikator");
        var second = await CreateAsync("Drugi", "wolny-identyfikator");

        var response = await PutAsync(second, new { title = "Drugi", slug = "zajety-identyfikator" });

        Assert.Equal("slug-taken", (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.Equal("wolny-identyfikator", (await db.Context.Set<Programme>().SingleAsync(p => p.Id == second.Id)).Slug);
    }

    [Fact]
    public async Task Once_a_release_exists_the_slug_is_fixed_a_new_one_is_409_and_a_new_title_keeps_it()
    {
        var steps = new HandoverSteps(api);
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.DraftAsync(version.Id);
        var read = await steps.Team.GetAsync($"/api/v1/programmes/{version.ProgrammeId}");
        var programme = await read.ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        Assert.NotNull(programme.SlugFixedAt);

        var refused = await PutAsync(programme.Id, read.Headers.ETag!, new { title = programme.Title, slug = "inny-identyfikator" });
        Assert.Equal("slug-frozen", (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());

        var renamed = await (await PutAsync(programme.Id, read.Headers.ETag!, new { title = "Tytuł po wydaniu" })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.OK);
        Assert.Equal(programme.Slug, renamed.Slug);
        await using var db = api.Db();
        Assert.Equal(programme.Slug, (await db.Context.Set<TrainingApi.Features.MaterialsHandover.Releases.Release>().SingleAsync(r => r.Id == release.Id)).ProgrammeSlug);
        Assert.False(await db.Context.Set<SlugReservation>().AnyAsync(s => s.Slug == "inny-identyfikator"));
    }

    [Fact]
    public async Task Two_programmes_racing_for_one_slug_leave_exactly_one_holder()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            team.PostJsonAsync("/api/v1/programmes", new { title = $"Wyścig {i}", slug = "wyscig-o-identyfikator" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<Programme>().CountAsync(p => p.Slug == "wyscig-o-identyfikator"));
    }

    private async Task<ProgrammeView> CreateAsync(string title, string slug) =>
        await (await team.PostJsonAsync("/api/v1/programmes", new { title, slug })).ShouldBeAsync<ProgrammeView>(HttpStatusCode.Created);

    private async Task<HttpResponseMessage> PutAsync(ProgrammeView programme, object body)
    {
        var read = await team.GetAsync($"/api/v1/programmes/{programme.Id}");
        return await PutAsync(programme.Id, read.Headers.ETag!, body);
    }

    private Task<HttpResponseMessage> PutAsync(Guid id, EntityTagHeaderValue etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programmes/{id}") { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        request.Headers.IfMatch.Add(etag);
        return team.SendAsync(request);
    }

    private async Task<(int Programmes, int Reservations)> CountsAsync()
    {
        await using var db = api.Db();
        return (await db.Context.Set<Programme>().CountAsync(), await db.Context.Set<SlugReservation>().CountAsync());
    }
}
