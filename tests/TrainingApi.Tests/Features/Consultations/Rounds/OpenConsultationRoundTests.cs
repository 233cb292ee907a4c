using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Rounds;

public sealed class OpenConsultationRoundTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_round_for_a_version_in_consultation_is_open_in_its_window_and_shows_warsaw_time()
    {
        var version = await steps.VersionInConsultationAsync();
        api.Clock.Now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero);

        var response = await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version.Id, title = "Konsultacje wersji 1.0", opensAt = api.Clock.Now.AddHours(-2), closesAt = "2099-04-12T16:00:00",
        });

        var round = await response.ShouldBeAsync<RoundView>(HttpStatusCode.Created);
        Assert.Equal(RoundStatus.Open, round.Status);
        Assert.Equal("1.0", round.VersionLabel);
        Assert.Equal(new DateTimeOffset(2099, 4, 12, 14, 0, 0, TimeSpan.Zero), round.ClosesAt);
        Assert.Equal("2099-04-12 16:00 (Europe/Warsaw)", round.ClosesAtWarsaw);
        Assert.Equal($"/api/v1/consultation-rounds/{round.Id}", response.Headers.Location!.OriginalString);
        var read = await (await api.ClientAs(Roles.Expert).GetAsync($"/api/v1/consultation-rounds/{round.Id}"))
            .ShouldBeAsync<RoundView>(HttpStatusCode.OK);
        Assert.Equal(round.Id, read.Id);
    }

    [Fact]
    public async Task A_round_opening_later_is_scheduled()
    {
        var version = await steps.VersionInConsultationAsync();

        var round = await (await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version.Id, title = "Później", opensAt = api.Clock.Now.AddDays(2), closesAt = api.Clock.Now.AddDays(9),
        })).ShouldBeAsync<RoundView>(HttpStatusCode.Created);

        Assert.Equal(RoundStatus.Scheduled, round.Status);
    }

    [Fact]
    public async Task A_draft_version_cannot_be_consulted()
    {
        var draft = await new CurriculumSteps(steps.Team).DraftAsync();

        var response = await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = draft.Id, title = "Za wcześnie", opensAt = api.Clock.Now, closesAt = api.Clock.Now.AddDays(7),
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("version-not-in-consultation", problem.GetProperty("code").GetString());
        await AssertNoRoundAsync(draft.Id);
    }

    [Fact]
    public async Task An_unknown_version_is_a_404()
    {
        var response = await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = Guid.NewGuid(), title = "Nie ma", opensAt = api.Clock.Now, closesAt = api.Clock.Now.AddDays(7),
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Closing_before_opening_or_in_the_past_is_refused()
    {
        var version = await steps.VersionInConsultationAsync();

        var backwards = await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version.Id, title = "Wspak", opensAt = api.Clock.Now.AddDays(3), closesAt = api.Clock.Now.AddDays(1),
        });
        var past = await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version.Id, title = "Minione", opensAt = api.Clock.Now.AddDays(-9), closesAt = api.Clock.Now.AddDays(-2),
        });

        Assert.NotEmpty((await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("closesAt"));
        Assert.NotEmpty((await past.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("closesAt"));
        await AssertNoRoundAsync(version.Id);
    }

    [Fact]
    public async Task A_time_that_does_not_exist_in_warsaw_is_a_400()
    {
        var version = await steps.VersionInConsultationAsync();

        var response = await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version.Id, title = "Zmiana czasu", opensAt = "2099-03-29T02:30:00", closesAt = "2099-04-29T12:00:00",
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task Overlapping_rounds_of_one_version_are_refused()
    {
        var round = await steps.OpenRoundAsync();

        var response = await steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = round.VersionId, title = "Druga naraz", opensAt = api.Clock.Now.AddDays(1), closesAt = api.Clock.Now.AddDays(30),
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("round-overlaps", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Racing_requests_for_overlapping_rounds_open_one()
    {
        var version = await steps.VersionInConsultationAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => steps.Team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version.Id, title = $"Równoległe {i}", opensAt = api.Clock.Now.AddHours(-1), closesAt = api.Clock.Now.AddDays(7 + i),
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<ConsultationRound>().CountAsync(r => r.VersionId == version.Id));
    }

    private async Task AssertNoRoundAsync(Guid versionId)
    {
        await using var db = api.Db();
        Assert.False(await db.Context.Set<ConsultationRound>().AnyAsync(r => r.VersionId == versionId));
    }
}
