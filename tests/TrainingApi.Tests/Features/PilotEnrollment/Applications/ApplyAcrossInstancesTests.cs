using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

/// <summary>
/// Two API instances on one database, each with its own in-process placement coordinator, as behind a load
/// balancer: the quota and the gapless waiting list must still hold, because the database lock decides.
/// </summary>
public sealed class ApplyAcrossInstancesTests(WebhookFactory first) : IClassFixture<WebhookFactory>
{
    [Fact]
    public async Task Two_hundred_jst_split_over_two_instances_still_give_fifty_accepted_and_a_gapless_waiting_list()
    {
        await using var second = WebhookFactory.JoiningDatabaseOf(first);
        await second.InitializeAsync();
        var recruitment = await EnrollmentSteps.OpenAsync(first, capacity: 50);
        var jsts = EnrollmentSteps.Gminas(200, skip: 1200);
        using var start = new SemaphoreSlim(0);

        var racing = jsts.Select(async (teryt, i) =>
        {
            var client = (i % 2 == 0 ? (ApiFactory)first : second).ClientAs(Roles.JstCoordinator, teryt: teryt);
            await start.WaitAsync();
            return await client.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body());
        }).ToList();
        start.Release(jsts.Count);
        var responses = await Task.WhenAll(racing);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = first.Db();
        var stored = await db.Context.Set<Application>().Where(a => a.RecruitmentId == recruitment.Id).ToListAsync();
        Assert.Equal(50, stored.Count(a => a.Status == ApplicationStatus.Accepted));
        Assert.Equal(Enumerable.Range(1, 150), stored.Where(a => a.Status == ApplicationStatus.Waitlisted).Select(a => a.WaitlistPosition!.Value).Order());
        var counters = await db.Context.Set<Recruitment>().SingleAsync(r => r.Id == recruitment.Id);
        Assert.Equal((50, 150), (counters.AcceptedCount, counters.WaitlistedCount));
    }
}
