using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Sessions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Sessions;

/// <summary>Sessions and the hours budget: past it only with extra hours the team approved, also under concurrency.</summary>
public sealed class AdvisorySessionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task Hours_past_the_budget_are_refused_until_the_team_approves_extra_hours()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 0, hoursBudget: 4);
        var first = await AdvisorySteps.SessionAsync(advisor, engagement.Id, 3);

        var over = await AdvisorySteps.SessionAsync(advisor, engagement.Id, 1.5m);
        var byAdvisor = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/extra-hours", new { hours = 2, reason = "Więcej szkół." });
        var approved = await (await steps.Team.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/extra-hours", new { hours = 2, reason = "Więcej szkół." }))
            .ShouldBeAsync<EngagementView>(HttpStatusCode.OK);
        var fits = await AdvisorySteps.SessionAsync(advisor, engagement.Id, 1.5m);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await over.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(("hours-budget-exceeded", 1m), (problem.GetProperty("code").GetString(), problem.GetProperty("hoursAvailable").GetDecimal()));
        Assert.Equal(HttpStatusCode.Forbidden, byAdvisor.StatusCode);
        Assert.Equal((2m, 3m), (approved.ExtraHoursApproved, approved.HoursAvailable));
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var sessions = await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/sessions")).ShouldBeAsync<Page<SessionView>>(HttpStatusCode.OK);
        Assert.Equal([3m, 1.5m], sessions.Items.Select(s => s.Hours));
    }

    [Fact]
    public async Task The_budget_holds_when_sessions_race()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 1, hoursBudget: 2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AdvisorySteps.SessionAsync(advisor, engagement.Id, 0.5m)));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = api.Db();
        var stored = await db.Context.Set<Engagement>().SingleAsync(e => e.Id == engagement.Id);
        Assert.Equal(2m, stored.HoursUsed);
        Assert.Equal(4, await db.Context.Set<AdvisorySession>().CountAsync(s => s.EngagementId == engagement.Id));
    }

    [Fact]
    public async Task Sessions_are_in_quarters_in_the_past_and_say_what_was_discussed()
    {
        var (engagement, advisor, teryt) = await steps.EngagementAsync(skip: 2);

        var odd = await AdvisorySteps.SessionAsync(advisor, engagement.Id, 1.1m);
        var future = await AdvisorySteps.SessionAsync(advisor, engagement.Id, 1, "2099-01-01");
        var noTopics = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/sessions", new { heldOn = "2024-09-01", hours = 1, mode = "online", attendees = new[] { "x" } });
        var byCoordinator = await AdvisorySteps.SessionAsync(api.ClientAs(Roles.JstCoordinator, teryt: teryt), engagement.Id);

        Assert.NotEmpty((await odd.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("hours"));
        Assert.NotEmpty((await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("heldOn"));
        Assert.NotEmpty((await noTopics.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("topics"));
        Assert.Equal(HttpStatusCode.Forbidden, byCoordinator.StatusCode);
        var read = await (await steps.Team.GetAsync($"/api/v1/engagements/{engagement.Id}")).ShouldBeAsync<EngagementView>(HttpStatusCode.OK);
        Assert.Equal(0m, read.HoursUsed);
    }
}
