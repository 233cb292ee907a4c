using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

public sealed class CloseRecruitmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Closing_now_stops_applications_at_once()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 0)[0])).EnsureSuccessStatusCode();

        var closed = await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/closure",
            new { reason = "Komplet zgłoszeń." })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        var after = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 1)[0]);

        Assert.False(closed.IsOpen);
        Assert.True(closed.ClosesAt <= DateTimeOffset.UtcNow);
        Assert.Equal("recruitment-not-open", (await after.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_recruitment_not_open_cannot_be_closed_and_a_reason_is_required()
    {
        var future = await EnrollmentSteps.OpenAsync(api, opensAt: DateTimeOffset.UtcNow.AddDays(1), closesAt: DateTimeOffset.UtcNow.AddDays(2));
        var open = await EnrollmentSteps.OpenAsync(api);
        var team = api.ClientAs(Roles.ProgrammeTeam);

        var notOpen = await team.PostJsonAsync($"/api/v1/recruitments/{future.Id}/closure", new { reason = "Za wcześnie." });
        var noReason = await team.PostJsonAsync($"/api/v1/recruitments/{open.Id}/closure", new { reason = "" });
        var coordinator = await api.ClientAs(Roles.JstCoordinator).PostJsonAsync($"/api/v1/recruitments/{open.Id}/closure", new { reason = "Nie moja sprawa." });

        Assert.Equal("recruitment-not-open", (await notOpen.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.True((await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{open.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK)).IsOpen);
    }
}
