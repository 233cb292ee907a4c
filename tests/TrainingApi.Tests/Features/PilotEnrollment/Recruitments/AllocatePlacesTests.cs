using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

/// <summary>ScoreApplication and AllocatePlaces: a ranked recruitment, previewed and then allocated once after it closes.</summary>
public sealed class AllocatePlacesTests(AllocatePlacesTests.MovableClockFactory api) : IClassFixture<AllocatePlacesTests.MovableClockFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Places_go_by_score_within_the_voivodeship_limit_with_deterministic_ties_and_the_final_run_matches_the_preview()
    {
        var recruitment = await OpenRankedAsync(capacity: 3, maxPerVoivodeship: 1);
        // Two from Dolnośląskie (02), one each from Łódzkie (10), Mazowieckie (14), Małopolskie (12).
        var apps = new Dictionary<string, ApplicationView>();
        foreach (var teryt in new[] { "0201011", "0201022", "1061", "1465", "1206012" })
        {
            apps[teryt] = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
            Assert.Equal(ApplicationStatus.Submitted, apps[teryt].Status);
            api.Clock.Now = api.Clock.Now.AddSeconds(1);
        }

        await ScoreAsync(apps["0201011"], 95);
        await ScoreAsync(apps["0201022"], 90);   // second from Dolnośląskie: over the limit
        await ScoreAsync(apps["1061"], 80);
        await ScoreAsync(apps["1465"], 70);      // tie with 1206012: submitted earlier, so ranked first
        await ScoreAsync(apps["1206012"], 70);

        var preview = await (await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/allocation?preview=true", null)).ShouldBeAsync<AllocatePlaces.Result>(HttpStatusCode.OK);
        Assert.False(preview.Final);
        Assert.Equal(["0201011", "0201022", "1061", "1465", "1206012"], preview.Ranking.Select(o => o.Teryt));
        Assert.Equal(["0201011", "1061", "1465"], preview.Ranking.Where(o => o.Accepted).Select(o => o.Teryt));
        Assert.Equal([("0201022", 1, "voivodeship-limit"), ("1206012", 2, "capacity")], preview.Ranking.Where(o => !o.Accepted).Select(o => (o.Teryt, o.WaitlistPosition!.Value, o.Reason!)));
        await AssertAllSubmittedAsync(recruitment.Id);

        var early = await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/allocation?preview=false", null);
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");

        api.Clock.Now = recruitment.ClosesAt.AddMinutes(1);
        var final = await (await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/allocation?preview=false", null)).ShouldBeAsync<AllocatePlaces.Result>(HttpStatusCode.OK);
        var again = await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/allocation?preview=false", null);

        Assert.Equal(preview.Ranking, final.Ranking);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        await using var db = api.Db();
        var stored = await db.Context.Set<Application>().Where(a => a.RecruitmentId == recruitment.Id).ToDictionaryAsync(a => a.JstTeryt);
        Assert.Equal(ApplicationStatus.Accepted, stored["1061"].Status);
        Assert.Equal((ApplicationStatus.Waitlisted, 2), (stored["1206012"].Status, stored["1206012"].WaitlistPosition!.Value));
        var counters = await db.Context.Set<Recruitment>().SingleAsync(r => r.Id == recruitment.Id);
        Assert.Equal((3, 2), (counters.AcceptedCount, counters.WaitlistedCount));
    }

    [Fact]
    public async Task Unscored_applications_block_the_allocation()
    {
        var recruitment = await OpenRankedAsync(capacity: 2, maxPerVoivodeship: null);
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061")).EnsureSuccessStatusCode();

        var response = await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/allocation", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("unscored-applications", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task First_come_recruitments_have_no_scores_no_allocation_and_no_limits()
    {
        var firstCome = await EnrollmentSteps.OpenAsync(api, opensAt: api.Clock.Now.AddHours(-1), closesAt: api.Clock.Now.AddDays(7));
        var application = await (await EnrollmentSteps.ApplyAsync(api, firstCome.Id, "2461")).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        await (await team.PutAsync($"/api/v1/applications/{application.Id}/score", HttpExtensions.JsonBody("""{"score":50}"""))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await team.PostAsync($"/api/v1/recruitments/{firstCome.Id}/allocation", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        var withLimits = await team.PostAsync("/api/v1/recruitments", HttpExtensions.JsonBody(
            """{"title":"N","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","rodoClauseVersion":"R","eligibleKinds":["powiat"],"maxPerKind":2}"""));
        await withLimits.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_score_out_of_range_is_a_400_problem()
    {
        var recruitment = await OpenRankedAsync(capacity: 2, maxPerVoivodeship: null);
        var application = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "2462011")).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        await (await team.PutAsync($"/api/v1/applications/{application.Id}/score", HttpExtensions.JsonBody("""{"score":101}"""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    private async Task<RecruitmentView> OpenRankedAsync(int capacity, int? maxPerVoivodeship) =>
        await (await team.PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór rankingowy", opensAt = api.Clock.Now.AddHours(-1), closesAt = api.Clock.Now.AddDays(7), capacity, maxParticipantsPerJst = 3,
            rodoClauseVersion = EnrollmentSteps.Rodo, selectionMode = "ranked", maxPerVoivodeship, programmeVersionId = await EnrollmentSteps.PilotVersionAsync(api),
            eligibleKinds = new[] { "gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska", "miasto-na-prawach-powiatu" },
        })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.Created);

    private async Task ScoreAsync(ApplicationView application, int score) =>
        (await team.PutAsync($"/api/v1/applications/{application.Id}/score", HttpExtensions.JsonBody($$"""{"score":{{score}},"note":"ocena testowa"}"""))).EnsureSuccessStatusCode();

    private async Task AssertAllSubmittedAsync(Guid recruitmentId)
    {
        await using var db = api.Db();
        Assert.All(await db.Context.Set<Application>().Where(a => a.RecruitmentId == recruitmentId).ToListAsync(), a => Assert.Equal(ApplicationStatus.Submitted, a.Status));
    }

    /// <summary>A clock the test moves past the recruitment's closing time; tokens are still checked against real time.</summary>
    public sealed class MovableClockFactory : ApiFactory
    {
        public FixedClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
