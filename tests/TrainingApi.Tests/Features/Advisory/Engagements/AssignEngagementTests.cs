using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Engagements;

public sealed class AssignEngagementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task A_piloted_jst_gets_an_advisor_and_starts_in_diagnosis_with_the_default_budget()
    {
        var (recruitment, jst) = await steps.PilotAsync(1, 10);
        var advisor = await steps.AdvisorAsync();

        var engagement = await (await steps.AssignAsync(recruitment.Id, jst[0], advisor.Id)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);

        Assert.Equal((EngagementStage.Diagnosis, 40m, 40m, advisor.Id), (engagement.Stage, engagement.HoursBudget, engagement.HoursAvailable, engagement.AdvisorId));
        var listed = await (await steps.Team.GetAsync("/api/v1/advisors")).ShouldBeAsync<Page<TrainingApi.Features.Advisory.Advisors.AdvisorView>>(HttpStatusCode.OK);
        Assert.Equal(1, listed.Items.Single(a => a.Id == advisor.Id).ActiveEngagements);
    }

    [Fact]
    public async Task A_jst_without_a_place_in_the_pilot_is_refused()
    {
        var (recruitment, _) = await steps.PilotAsync(1, 20);
        var advisor = await steps.AdvisorAsync();

        var outsider = await steps.AssignAsync(recruitment.Id, EnrollmentGminas(21), advisor.Id);
        var unknown = await steps.AssignAsync(recruitment.Id, "9999999", advisor.Id);
        var noRecruitment = await steps.AssignAsync(Guid.NewGuid(), EnrollmentGminas(20), advisor.Id);
        var noAdvisor = await steps.AssignAsync(recruitment.Id, EnrollmentGminas(20), Guid.NewGuid());

        Assert.Equal("jst-not-in-pilot", (await outsider.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        Assert.Equal("unknown-teryt", (await unknown.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        await noRecruitment.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await noAdvisor.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await AssertEngagementsAsync(recruitment.Id, 0);
    }

    [Fact]
    public async Task One_engagement_per_jst_per_pilot()
    {
        var (recruitment, jst) = await steps.PilotAsync(1, 30);
        var advisor = await steps.AdvisorAsync();
        (await steps.AssignAsync(recruitment.Id, jst[0], advisor.Id)).EnsureSuccessStatusCode();

        var again = await steps.AssignAsync(recruitment.Id, jst[0], (await steps.AdvisorAsync()).Id);

        Assert.Equal("engagement-exists", (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_advisors_capacity_holds_when_assignments_race()
    {
        var (recruitment, jst) = await steps.PilotAsync(8, 40);
        var advisor = await steps.AdvisorAsync(capacity: 3);

        var responses = await Task.WhenAll(jst.Select(t => steps.AssignAsync(recruitment.Id, t, advisor.Id)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await AssertEngagementsAsync(recruitment.Id, 3);
    }

    [Fact]
    public async Task Budgets_are_whole_quarters_and_advisors_need_known_areas()
    {
        var (recruitment, jst) = await steps.PilotAsync(1, 50);
        var advisor = await steps.AdvisorAsync();

        var odd = await steps.AssignAsync(recruitment.Id, jst[0], advisor.Id, hoursBudget: 10.1m);
        var badArea = await steps.Team.PostJsonAsync("/api/v1/advisors", new { subject = "x1", name = "X", email = "x@example.pl", specialisations = new[] { "astrologia" }, capacity = 2 });
        var twice = await steps.Team.PostJsonAsync("/api/v1/advisors", new { subject = advisor.Subject, name = "X", email = "x@example.pl", capacity = 2 });

        Assert.NotEmpty((await odd.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("hoursBudget"));
        await badArea.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal("advisor-exists", (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_advisor_sees_only_their_engagements_and_a_coordinator_only_its_jsts()
    {
        var (recruitment, jst) = await steps.PilotAsync(2, 60);
        var first = await steps.AdvisorAsync();
        var second = await steps.AdvisorAsync();
        var mine = await (await steps.AssignAsync(recruitment.Id, jst[0], first.Id)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);
        var theirs = await (await steps.AssignAsync(recruitment.Id, jst[1], second.Id)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);
        var advisor = api.ClientAs(Roles.Advisor, subject: first.Subject);
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: jst[1]);

        var advisorList = await (await advisor.GetAsync($"/api/v1/engagements?recruitmentId={recruitment.Id}")).ShouldBeAsync<Page<EngagementView>>(HttpStatusCode.OK);
        var coordinatorList = await (await coordinator.GetAsync("/api/v1/engagements")).ShouldBeAsync<Page<EngagementView>>(HttpStatusCode.OK);

        Assert.Equal(mine.Id, Assert.Single(advisorList.Items).Id);
        Assert.Equal(theirs.Id, Assert.Single(coordinatorList.Items).Id);
        await (await advisor.GetAsync($"/api/v1/engagements/{theirs.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await coordinator.GetAsync($"/api/v1/engagements/{mine.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/engagements/{theirs.Id}")).StatusCode);
    }

    private static string EnrollmentGminas(int skip) => TrainingApi.Tests.Features.PilotEnrollment.EnrollmentSteps.Gminas(1, skip)[0];

    private async Task AssertEngagementsAsync(Guid recruitmentId, int expected)
    {
        await using var db = api.Db();
        Assert.Equal(expected, await db.Context.Set<Engagement>().CountAsync(e => e.RecruitmentId == recruitmentId));
    }
}
