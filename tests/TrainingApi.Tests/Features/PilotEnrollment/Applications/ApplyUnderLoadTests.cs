using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

/// <summary>The quota under a stampede: the rule lives in PostgreSQL, so it holds however requests interleave.</summary>
public sealed class ApplyUnderLoadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    [InlineData(400)]
    public async Task Two_hundred_jst_applying_at_once_for_fifty_places_give_fifty_accepted_and_a_gapless_waiting_list(int skip)
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 50);
        var jsts = EnrollmentSteps.Gminas(200, skip);
        var clients = jsts.Select(teryt => (teryt, client: api.ClientAs(TrainingApi.Common.Security.Roles.JstCoordinator, teryt: teryt))).ToList();
        using var start = new SemaphoreSlim(0);

        var racing = clients.Select(async c =>
        {
            await start.WaitAsync();
            return await c.client.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body());
        }).ToList();
        start.Release(clients.Count);
        var responses = await Task.WhenAll(racing);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var answers = await Task.WhenAll(responses.Select(r => r.ShouldBeAsync<ApplicationView>(HttpStatusCode.Created)));
        Assert.Equal(50, answers.Count(a => a.Status == ApplicationStatus.Accepted));
        Assert.Equal(Enumerable.Range(1, 150), answers.Where(a => a.Status == ApplicationStatus.Waitlisted).Select(a => a.WaitlistPosition!.Value).Order());

        await using var db = api.Db();
        var stored = await db.Context.Set<Application>().Where(a => a.RecruitmentId == recruitment.Id).ToListAsync();
        Assert.Equal(50, stored.Count(a => a.Status == ApplicationStatus.Accepted));
        Assert.Equal(Enumerable.Range(1, 150), stored.Where(a => a.Status == ApplicationStatus.Waitlisted).Select(a => a.WaitlistPosition!.Value).Order());
        var counters = await db.Context.Set<Recruitment>().SingleAsync(r => r.Id == recruitment.Id);
        Assert.Equal((50, 150), (counters.AcceptedCount, counters.WaitlistedCount));
    }

    [Fact]
    public async Task The_same_jst_applying_ten_times_at_once_gets_one_application()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 50);
        var coordinator = api.ClientAs(TrainingApi.Common.Security.Roles.JstCoordinator, teryt: "1206012");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            coordinator.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<Application>().CountAsync(a => a.RecruitmentId == recruitment.Id));
        Assert.Equal(1, (await db.Context.Set<Recruitment>().SingleAsync(r => r.Id == recruitment.Id)).AcceptedCount);
    }
}
