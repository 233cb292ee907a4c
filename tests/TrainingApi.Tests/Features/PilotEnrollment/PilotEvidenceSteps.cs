using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment;

/// <summary>
/// A pilot run to the end over HTTP, as the evidence that makes a version tested: a recruitment naming the version,
/// JST accepted and confirmed into one cohort, a session per module attended by everyone, the JST completed, and
/// the given evaluations recorded.
/// </summary>
public static class PilotEvidenceSteps
{
    private static int skip = 1500;

    public sealed record Pilot(Guid RecruitmentId, Guid CohortId, IReadOnlyList<ApplicationView> Applications);

    public static async Task<Pilot> CompletedPilotAsync(ApiFactory api, Guid versionId, IReadOnlyList<string> modules, int jst = 1,
        IReadOnlyList<object>? evaluations = null, bool complete = true, DateTimeOffset? now = null, IReadOnlyList<string>? teryts = null)
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);
        // The server's clock, which some test factories move (a window around the real time would be closed there).
        var at = now ?? api.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: teryts?.Count ?? jst, versionId: versionId, opensAt: at.AddHours(-1), closesAt: at.AddDays(7),
            kinds: ["gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska", "miasto-na-prawach-powiatu", "powiat"]);
        var applications = new List<ApplicationView>();
        foreach (var teryt in teryts ?? EnrollmentSteps.Gminas(jst, Interlocked.Add(ref skip, jst)))
        {
            applications.Add(await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt, participants: 2)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created));
        }

        var cohort = await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/cohorts",
            new { name = "Grupa pilotażowa", applicationIds = applications.Select(a => a.Id) })).ShouldBeAsync<CreateCohort.CohortView>(HttpStatusCode.Created);
        List<Guid> participants;
        await using (var db = api.Db())
        {
            var ids = applications.Select(a => a.Id).ToList();
            participants = await db.Context.Set<Participant>().Where(p => ids.Contains(p.ApplicationId)).Select(p => p.Id).ToListAsync();
        }

        foreach (var (module, i) in modules.Select((m, i) => (m, i)))
        {
            var session = await (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
            {
                moduleAnchor = module, startsAt = DateTimeOffset.UtcNow.AddDays(i - 30), durationMinutes = 180, mode = "workshop", trainer = "dr Anna Nowak",
            })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created);
            (await team.PutAsync($"/api/v1/sessions/{session.Id}/attendance",
                HttpExtensions.JsonBody(JsonSerializer.Serialize(new { presentParticipantIds = participants })))).EnsureSuccessStatusCode();
        }

        foreach (var application in applications)
        {
            (await team.PostAsync($"/api/v1/applications/{application.Id}/confirm", null)).EnsureSuccessStatusCode();
            if (complete)
            {
                (await team.PostAsync($"/api/v1/applications/{application.Id}/completion", null)).EnsureSuccessStatusCode();
            }
        }

        var responses = evaluations ?? [.. modules.Select(m => new { moduleAnchor = m, preScore = 40, postScore = 80, satisfaction = 5, comment = $"Ocena modułu {m}." })];
        if (responses.Count > 0)
        {
            (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/evaluations", new { responses })).EnsureSuccessStatusCode();
        }

        return new Pilot(recruitment.Id, cohort.Id, applications);
    }
}
