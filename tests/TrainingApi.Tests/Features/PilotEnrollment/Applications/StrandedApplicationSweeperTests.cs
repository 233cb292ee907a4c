using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

public sealed class StrandedApplicationSweeperTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Applications_left_submitted_by_an_interrupted_request_are_placed_in_arrival_order()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var applied = new List<ApplicationView>();
        foreach (var teryt in EnrollmentSteps.Gminas(3, skip: 900))
        {
            applied.Add(await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created));
        }

        // As if the instance had died between storing and placing them: back to submitted, an hour ago, counters reset.
        await using (var db = api.Db())
        {
            await db.Context.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE enrollment.applications SET status = 'Submitted', waitlist_position = NULL, decided_at = NULL,
                       submitted_at = submitted_at - interval '1 hour'
                 WHERE recruitment_id = {recruitment.Id}
                """);
            await db.Context.Database.ExecuteSqlInterpolatedAsync($"UPDATE enrollment.recruitments SET accepted_count = 0, waitlisted_count = 0 WHERE id = {recruitment.Id}");
        }

        var sweeper = api.Services.GetServices<IHostedService>().OfType<StrandedApplicationSweeper>().Single();
        var placed = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(3, placed);
        await using var check = api.Db();
        var rows = await check.Context.Set<Application>().Where(a => a.RecruitmentId == recruitment.Id).ToListAsync();
        Assert.Single(rows, a => a.Status == ApplicationStatus.Accepted);
        Assert.Equal([1, 2], rows.Where(a => a.Status == ApplicationStatus.Waitlisted).Select(a => a.WaitlistPosition!.Value).Order());
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
    }
}
