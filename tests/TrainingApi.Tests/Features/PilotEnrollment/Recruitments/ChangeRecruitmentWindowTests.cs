using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

public sealed class ChangeRecruitmentWindowTests(ChangeRecruitmentWindowTests.MovableClockFactory api) : IClassFixture<ChangeRecruitmentWindowTests.MovableClockFactory>
{
    private HttpClient Team => api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_team_extends_the_window_and_a_jst_applies_in_the_extra_time()
    {
        var now = api.Clock.Now;
        var recruitment = await EnrollmentSteps.OpenAsync(api, opensAt: now.AddDays(-1), closesAt: now.AddDays(1));

        var extended = await (await Team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/window",
            new { opensAt = recruitment.OpensAt, closesAt = now.AddDays(8), reason = "Przedłużenie na prośbę ZMP." })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        api.Clock.Now = now.AddDays(3);
        var late = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 10)[0]);
        api.Clock.Now = now;

        Assert.Equal(now.AddDays(8), extended.ClosesAt);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
    }

    [Fact]
    public async Task A_window_that_would_leave_out_applications_already_in_is_refused()
    {
        var now = api.Clock.Now;
        var recruitment = await EnrollmentSteps.OpenAsync(api, opensAt: now.AddDays(-2), closesAt: now.AddDays(5));
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 20)[0])).EnsureSuccessStatusCode();

        var opensAfter = await Team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/window",
            new { opensAt = now.AddHours(1), closesAt = now.AddDays(5), reason = "Pomyłka." });
        var closedBefore = await Team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/window",
            new { opensAt = now.AddDays(-2), closesAt = now.AddMinutes(-1), reason = "Pomyłka." });
        var backwards = await Team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/window",
            new { opensAt = now.AddDays(2), closesAt = now.AddDays(1), reason = "Pomyłka." });
        var noReason = await Team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/window",
            new { opensAt = now.AddDays(-2), closesAt = now.AddDays(6), reason = " " });

        Assert.Equal("window-excludes-applications", (await opensAfter.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        Assert.Equal("closes-in-the-past", (await closedBefore.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var view = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        Assert.Equal((recruitment.OpensAt, recruitment.ClosesAt), (view.OpensAt, view.ClosesAt));
    }

    [Fact]
    public async Task Shortening_to_just_after_the_last_application_is_allowed()
    {
        var now = api.Clock.Now;
        var recruitment = await EnrollmentSteps.OpenAsync(api, opensAt: now.AddDays(-2), closesAt: now.AddDays(5));
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 30)[0])).EnsureSuccessStatusCode();

        var shortened = await Team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/window",
            new { opensAt = now.AddDays(-2), closesAt = now.AddHours(2), reason = "Skrócenie naboru." });

        Assert.Equal(now.AddHours(2), (await shortened.ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK)).ClosesAt);
    }

    [Fact]
    public async Task After_the_ranked_allocation_the_window_no_longer_changes()
    {
        var now = api.Clock.Now;
        var recruitment = await (await Team.PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór rankingowy", opensAt = now.AddDays(-2), closesAt = now.AddDays(1), capacity = 2, rodoClauseVersion = EnrollmentSteps.Rodo,
            eligibleKinds = new[] { "gmina-wiejska", "gmina-miejska", "gmina-miejsko-wiejska" }, selectionMode = "ranked",
            programmeVersionId = await EnrollmentSteps.PilotVersionAsync(api),
        })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.Created);
        api.Clock.Now = now.AddDays(2);
        (await Team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/allocation?preview=false", null)).EnsureSuccessStatusCode();

        var response = await Team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/window",
            new { opensAt = now.AddDays(-2), closesAt = now.AddDays(9), reason = "Jeszcze raz." });
        api.Clock.Now = now;

        Assert.Equal("recruitment-decided", (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    public sealed class MovableClockFactory : ApiFactory
    {
        public FixedClock Clock { get; } = new(OfferSteps.Now());

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
