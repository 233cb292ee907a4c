using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Rounds;

public sealed class CloseRoundTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task A_JST_outside_any_pilot_runs_a_round_end_to_end_by_links_and_gets_hand_computed_scores()
    {
        var teryt = SelfAssessmentSteps.NextTeryt();
        var (round, coordinator) = await steps.StartAsync(teryt);
        var links = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "education-department", "school-head", "school-head", "it");
        var respondent = steps.Respondent();
        // A: all 5. B: all 3. C: all 1, and "nie wiem" on data. D opens the link, saves a draft and never submits.
        (await respondent.PutJsonAsync($"/api/v1/self-assessment-links/{links.Invitations[0].Token}/answers", new { answers = SelfAssessmentSteps.Area("strategia", 2) }))
            .EnsureSuccessStatusCode();
        (await steps.SubmitAsync(links.Invitations[0].Token, SelfAssessmentSteps.Answers(5))).EnsureSuccessStatusCode();
        (await steps.SubmitAsync(links.Invitations[1].Token, SelfAssessmentSteps.Answers(3))).EnsureSuccessStatusCode();
        (await steps.SubmitAsync(links.Invitations[2].Token, SelfAssessmentSteps.Answers(1, SelfAssessmentSteps.Area("dane", null)))).EnsureSuccessStatusCode();
        (await respondent.PutJsonAsync($"/api/v1/self-assessment-links/{links.Invitations[3].Token}/answers", new { answers = SelfAssessmentSteps.Answers(5) }))
            .EnsureSuccessStatusCode();

        var closed = await SelfAssessmentSteps.CloseAsync(coordinator, round.Id);

        Assert.Equal((SelfAssessmentStatus.Closed, false), (closed.Status, closed.ClosedAtDeadline));
        var results = closed.Results!;
        Assert.Equal((3, true), (results.Respondents, results.Shown));
        // Every area but data: (5 + 3 + 1) / 3 = 3.00, population SD √(8/3) = 1.63.
        var strategia = results.Areas.Single(a => a.Area == "strategia");
        Assert.Equal((3.00m, 3, 1.63m), (strategia.Score!.Value, strategia.Respondents, strategia.StandardDeviation!.Value));
        // Data was scored by two people only: no score, and left out of the overall, which would otherwise give it away.
        var dane = results.Areas.Single(a => a.Area == "dane");
        Assert.Equal((null, 2), (dane.Score, dane.Respondents));
        Assert.Equal(3.00m, results.Overall);
        // No role has three respondents.
        Assert.Empty(results.Roles);
        Assert.Equal((4, 4, 3, 0), (closed.Progress.Invited, closed.Progress.Opened, closed.Progress.Submitted, closed.Progress.Revoked));

        await using var db = api.Db();
        var current = await db.Context.Set<CurrentScore>().Where(s => s.Teryt == teryt).ToDictionaryAsync(s => s.Area, s => s.Score);
        Assert.Equal(3.00m, current[CurrentScore.Overall]);
        Assert.False(current.ContainsKey("dane"));
        Assert.False(await db.Context.Set<TrainingApi.Features.SelfAssessment.Responding.AnswerDraft>().AnyAsync(d => d.InvitationId == links.Invitations[3].Id));
        var @event = (await db.Context.Set<OutboxEvent>().Where(e => e.Type == "self-assessment.closed").ToListAsync()).Single(e => e.Payload.Contains(round.Id.ToString()));
        var data = JsonDocument.Parse(@event.Payload).RootElement.GetProperty("data");
        Assert.Equal(teryt, data.GetProperty("teryt").GetString());
        Assert.Equal(3, data.GetProperty("respondents").GetInt32());
        Assert.DoesNotContain("answers", @event.Payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("score", @event.Payload, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Roles_show_only_when_the_people_outside_them_are_none_or_at_least_three()
    {
        var (both, _) = await steps.ClosedRoundAsync(null,
            ("school-head", SelfAssessmentSteps.Answers(4)), ("school-head", SelfAssessmentSteps.Answers(4)), ("school-head", SelfAssessmentSteps.Answers(5)),
            ("education-department", SelfAssessmentSteps.Answers(2)), ("education-department", SelfAssessmentSteps.Answers(2)), ("education-department", SelfAssessmentSteps.Answers(3)));
        var (oneOutside, _) = await steps.ClosedRoundAsync(null,
            ("school-head", SelfAssessmentSteps.Answers(4)), ("school-head", SelfAssessmentSteps.Answers(4)), ("school-head", SelfAssessmentSteps.Answers(4)),
            ("it", SelfAssessmentSteps.Answers(1)));

        // School heads (4 + 4 + 5) / 3 = 4.33; the department (2 + 2 + 3) / 3 = 2.33.
        Assert.Equal([("education-department", 2.33m), ("school-head", 4.33m)], both.Results!.Roles.Select(r => (r.Role, r.Overall!.Value)));
        Assert.Equal(3.33m, both.Results.Overall);
        // The heads' scores beside the round's would give away the IT person's answers.
        Assert.Empty(oneOutside.Results!.Roles);
        Assert.Equal(3.25m, oneOutside.Results.Overall);
    }

    [Fact]
    public async Task A_round_of_fewer_than_three_closes_but_shows_only_that_it_is_too_small()
    {
        var teryt = SelfAssessmentSteps.NextTeryt();
        var (closed, coordinator) = await steps.ClosedRoundAsync(teryt, ("school-head", SelfAssessmentSteps.Answers(5)), ("it", SelfAssessmentSteps.Answers(1)));

        Assert.Equal((2, false, null), (closed.Results!.Respondents, closed.Results.Shown, closed.Results.Overall));
        Assert.Empty(closed.Results.Areas);
        var read = await (await coordinator.GetAsync($"/api/v1/self-assessments/{closed.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"score\"", read);
        await using var db = api.Db();
        Assert.False(await db.Context.Set<CurrentScore>().AnyAsync(s => s.Teryt == teryt));
    }

    [Fact]
    public async Task Closing_twice_or_another_JST_s_round_is_refused()
    {
        var (closed, coordinator) = await steps.ClosedRoundAsync(null, ("it", SelfAssessmentSteps.Answers(3)));

        var again = await (await coordinator.PostAsync($"/api/v1/self-assessments/{closed.Id}/close", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        var other = await steps.Coordinator(SelfAssessmentSteps.NextTeryt()).PostAsync($"/api/v1/self-assessments/{closed.Id}/close", null);
        var unknown = await coordinator.PostAsync($"/api/v1/self-assessments/{Guid.NewGuid()}/close", null);

        Assert.Equal("round-closed", again.GetProperty("code").GetString());
        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await steps.Coordinator(SelfAssessmentSteps.NextTeryt()).GetAsync($"/api/v1/self-assessments/{closed.Id}")).StatusCode);
        var list = await (await steps.Coordinator(SelfAssessmentSteps.NextTeryt()).GetAsync("/api/v1/self-assessments")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(closed.Id.ToString(), list);
        Assert.Contains(closed.Id.ToString(), await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync("/api/v1/self-assessments?status=closed&limit=100")).Content.ReadAsStringAsync());
    }
}
