using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment;

public static class PilotSteps
{
    /// <summary>A recruitment with the given JST accepted (capacity for all), and a cohort of them.</summary>
    public static async Task<(Guid RecruitmentId, CreateCohort.CohortView Cohort, List<ApplicationView> Applications)> CohortAsync(
        ApiFactory api, int jst, int participantsEach, int skip)
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: jst);
        var applications = new List<ApplicationView>();
        foreach (var teryt in EnrollmentSteps.Gminas(jst, skip))
        {
            applications.Add(await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt, participantsEach)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created));
        }

        var cohort = await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/cohorts",
            new { name = $"Grupa {skip}", applicationIds = applications.Select(a => a.Id) })).ShouldBeAsync<CreateCohort.CohortView>(HttpStatusCode.Created);
        return (recruitment.Id, cohort, applications);
    }
}
