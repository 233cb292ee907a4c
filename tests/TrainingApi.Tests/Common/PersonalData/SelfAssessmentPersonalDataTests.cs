using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingApi.Common.PersonalData;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Tests.Features.SelfAssessment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.PersonalData;

/// <summary>Past the retention date, the invitees' names of named self-assessment rounds are erased; the answers, never personal, stay.</summary>
public sealed class SelfAssessmentPersonalDataRetentionTests(PersonalDataRetentionTests.ExpiredRetentionFactory api)
    : IClassFixture<PersonalDataRetentionTests.ExpiredRetentionFactory>
{
    [Fact]
    public async Task Invitees_names_are_erased_and_the_submitted_answers_stay()
    {
        var steps = new SelfAssessmentSteps(api);
        var (round, coordinator) = await steps.StartAsync(named: true);
        var links = await (await coordinator.PostJsonAsync($"/api/v1/self-assessments/{round.Id}/invitations",
                new { invitees = new[] { new { role = "finance", name = "Anna Nowak" }, new { role = "it", name = "Jan Kowalski" } } }))
            .ShouldBeAsync<CreateInvitations.CreatedInvitations>(HttpStatusCode.Created);
        (await steps.SubmitAsync(links.Invitations[0].Token, SelfAssessmentSteps.Answers(4))).EnsureSuccessStatusCode();

        var retention = api.Services.GetServices<IHostedService>().OfType<PersonalDataRetention>().Single();
        // The service's own purge at start-up may be erasing the same rows at this moment: then this one meets a changed row
        // version and the other has done the work, so one more pass finds nothing left to erase.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await retention.PurgeAsync(CancellationToken.None);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }

        var listed = await (await coordinator.GetAsync($"/api/v1/self-assessments/{round.Id}/invitations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Nowak", listed);
        Assert.DoesNotContain("Kowalski", listed);
        await using var db = api.Db();
        Assert.All(await db.Context.Set<Invitation>().Where(i => i.RoundId == round.Id).ToListAsync(), i => Assert.Equal(ErasedPersonalData.Marker, i.Name));
        Assert.Equal(1, await db.Context.Set<Submission>().CountAsync(s => s.RoundId == round.Id));
    }
}
