using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Rounds;

public sealed class StartRoundTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task A_coordinator_of_a_JST_outside_any_pilot_starts_a_round_against_the_current_framework()
    {
        var teryt = SelfAssessmentSteps.NextTeryt();
        var response = await steps.Coordinator(teryt).PostJsonAsync("/api/v1/self-assessments", new { deadline = DateTimeOffset.UtcNow.AddDays(14) });

        var round = await response.ShouldBeAsync<SelfAssessmentView>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/self-assessments/{round.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((teryt, "gmina-wiejska", "2024.1", true, SelfAssessmentStatus.Open, 3), (round.Teryt, round.JstKind, round.FrameworkVersion, round.Anonymous, round.Status, round.MinimumRespondents));
        Assert.Null(round.Results);
        (await steps.Coordinator(teryt).GetAsync(response.Headers.Location!.OriginalString)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_team_starts_one_for_any_JST_naming_it_and_a_second_open_round_is_refused()
    {
        var teryt = SelfAssessmentSteps.NextTeryt();
        var team = api.ClientAs(Roles.ProgrammeTeam);
        (await team.PostJsonAsync("/api/v1/self-assessments", new { teryt, deadline = DateTimeOffset.UtcNow.AddDays(14), named = true }))
            .EnsureSuccessStatusCode();

        var second = await steps.Coordinator(teryt).PostJsonAsync("/api/v1/self-assessments", new { deadline = DateTimeOffset.UtcNow.AddDays(14) });

        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("round-already-open", problem.GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<AssessmentRound>().CountAsync(r => r.Teryt == teryt));
    }

    [Theory]
    [InlineData("02", "wojewodztwo")]
    [InlineData("0201", "powiat")]
    [InlineData("1261", "miasto-na-prawach-powiatu")]
    public async Task The_team_starts_one_for_a_voivodeship_a_powiat_or_a_city_with_county_rights(string teryt, string kind)
    {
        var round = await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/self-assessments", new { teryt, deadline = DateTimeOffset.UtcNow.AddDays(14) }))
            .ShouldBeAsync<SelfAssessmentView>(HttpStatusCode.Created);

        Assert.Equal((teryt, kind), (round.Teryt, round.JstKind));
    }

    [Fact]
    public async Task Racing_starters_of_one_JST_open_one_round()
    {
        var teryt = SelfAssessmentSteps.NextTeryt();
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            steps.Coordinator(teryt).PostJsonAsync("/api/v1/self-assessments", new { deadline = DateTimeOffset.UtcNow.AddDays(14) })));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task Refusals_change_nothing()
    {
        var teryt = SelfAssessmentSteps.NextTeryt();
        var team = api.ClientAs(Roles.ProgrammeTeam);
        var later = DateTimeOffset.UtcNow.AddDays(14);

        var unknown = await (await team.PostJsonAsync("/api/v1/self-assessments", new { teryt = "9999999", deadline = later }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        var noJst = await (await team.PostJsonAsync("/api/v1/self-assessments", new { deadline = later })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var otherJst = await (await steps.Coordinator(teryt).PostJsonAsync("/api/v1/self-assessments", new { teryt = SelfAssessmentSteps.NextTeryt(), deadline = later }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var past = await (await steps.Coordinator(teryt).PostJsonAsync("/api/v1/self-assessments", new { deadline = DateTimeOffset.UtcNow.AddDays(-1) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var noDeadline = await (await steps.Coordinator(teryt).PostJsonAsync("/api/v1/self-assessments", new { title = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var notAdvised = await (await api.ClientAs(Roles.Advisor, subject: "advisor-without-engagements").PostJsonAsync("/api/v1/self-assessments", new { teryt, deadline = later }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var expert = await api.ClientAs(Roles.Expert).PostJsonAsync("/api/v1/self-assessments", new { teryt, deadline = later });

        Assert.Equal("unknown-teryt", unknown.GetProperty("code").GetString());
        Assert.NotEmpty(noJst.ErrorsFor("teryt"));
        Assert.NotEmpty(otherJst.ErrorsFor("teryt"));
        Assert.NotEmpty(past.ErrorsFor("deadline"));
        Assert.NotEmpty(noDeadline.ErrorsFor("deadline"));
        Assert.True("jst-not-advised" == notAdvised.GetProperty("code").GetString(), notAdvised.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, expert.StatusCode);
        await using var db = api.Db();
        Assert.False(await db.Context.Set<AssessmentRound>().AnyAsync(r => r.Teryt == teryt));
    }
}
