using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

public sealed class GetRecruitmentStatisticsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Counts_jst_taking_part_by_voivodeship_and_kind_and_their_participants()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 3);
        // Two from Dolnośląskie (02), one from Łódzkie (10), one waitlisted from Mazowieckie (14).
        var bolesławiec = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "0201011", participants: 2)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "0201022", participants: 1)).EnsureSuccessStatusCode();
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061", participants: 3)).EnsureSuccessStatusCode();
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1465", participants: 1)).EnsureSuccessStatusCode();
        (await api.ClientAs(Roles.JstCoordinator, teryt: "0201011").PostAsync($"/api/v1/applications/{bolesławiec.Id}/confirm", null)).EnsureSuccessStatusCode();

        var stats = await (await api.ClientAs(Roles.Ministry).GetAsync($"/api/v1/recruitments/{recruitment.Id}/statistics"))
            .ShouldBeAsync<GetRecruitmentStatistics.Statistics>(HttpStatusCode.OK);

        Assert.Equal((4, 2, 1, 1, 6), (stats.Applications, stats.Accepted, stats.Confirmed, stats.Waitlisted, stats.Participants));
        Assert.Equal([("02", 2), ("10", 1)], stats.ByVoivodeship.Select(c => (c.Key, c.Jst)));
        Assert.Equal("DOLNOŚLĄSKIE", stats.ByVoivodeship[0].Name);
        Assert.Equal([("miasto-na-prawach-powiatu", 1), ("gmina-miejska", 1), ("gmina-wiejska", 1)], stats.ByKind.Select(c => (c.Key, c.Jst)));
    }

    [Fact]
    public async Task A_coordinator_may_not_read_statistics_and_an_unknown_recruitment_is_404()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        await (await api.ClientAs(Roles.JstCoordinator).GetAsync($"/api/v1/recruitments/{recruitment.Id}/statistics")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync($"/api/v1/recruitments/{Guid.NewGuid()}/statistics")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
