using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence.Migrations;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Persistence;

/// <summary>
/// The migration that gives places taken through a waiting-list offer the time they were taken, for rows stored before
/// confirming an offer recorded it: the offers taken get it, every other row keeps what it has.
/// </summary>
public sealed class AcceptedOffersRepairTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Offers_taken_without_a_time_get_the_time_they_were_confirmed_and_nothing_else_changes()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        await OfferSteps.OffersAsync(api, recruitment.Id, 24);
        var jst = EnrollmentSteps.Gminas(4);
        var applications = new List<ApplicationView>();
        foreach (var teryt in jst)
        {
            applications.Add(await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created));
        }

        // The first withdraws; the second takes the offered place, is confirmed and withdraws; the third takes the place again.
        (await team.PostJsonAsync($"/api/v1/applications/{applications[0].Id}/withdraw", new { reason = "Rezygnacja." })).EnsureSuccessStatusCode();
        (await team.PostAsync($"/api/v1/applications/{applications[1].Id}/offer/confirmation", null)).EnsureSuccessStatusCode();
        (await team.PostAsync($"/api/v1/applications/{applications[1].Id}/confirm", null)).EnsureSuccessStatusCode();
        (await team.PostJsonAsync($"/api/v1/applications/{applications[1].Id}/withdraw", new { reason = "Rezygnacja." })).EnsureSuccessStatusCode();
        (await team.PostAsync($"/api/v1/applications/{applications[2].Id}/offer/confirmation", null)).EnsureSuccessStatusCode();
        var recorded = await AcceptedAtAsync(recruitment.Id);
        var offersTaken = new[] { applications[1].Id, applications[2].Id };

        await using (var db = api.Db())
        {
            await db.Context.Database.ExecuteSqlAsync($"UPDATE enrollment.applications SET accepted_at = NULL WHERE id = ANY({offersTaken})");
            await db.Context.Database.ExecuteSqlRawAsync(AcceptedOffersTookTheirPlace.RepairSql);
            await db.Context.Database.ExecuteSqlRawAsync(AcceptedOffersTookTheirPlace.RepairSql);
        }

        var repaired = await AcceptedAtAsync(recruitment.Id);
        Assert.Equal(recorded.Keys.Order(), repaired.Keys.Order());
        Assert.All(recorded.Where(r => !offersTaken.Contains(r.Key)), r => Assert.Equal(r.Value, repaired[r.Key]));
        Assert.Null(repaired[applications[3].Id]);
        // From the audit entry written in the same save, a moment after the time the handler took.
        Assert.All(offersTaken, id => Assert.InRange(repaired[id]!.Value - recorded[id]!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    private async Task<Dictionary<Guid, DateTimeOffset?>> AcceptedAtAsync(Guid recruitmentId)
    {
        await using var db = api.Db();
        return await db.Context.Set<Application>().AsNoTracking().Where(a => a.RecruitmentId == recruitmentId).ToDictionaryAsync(a => a.Id, a => a.AcceptedAt);
    }
}
