using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

/// <summary>ScheduleSession, RecordAttendance and GetCohortCompletion: attendance decides completion at the 80 % threshold.</summary>
public sealed class CohortCompletionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_participant_completes_by_attending_at_least_80_percent_of_the_sessions()
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 3, skip: 740);
        var members = await MembersAsync(cohort.Id);
        var sessions = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var session = await (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
            {
                moduleAnchor = $"modul-{i + 1}", startsAt = DateTimeOffset.UtcNow.AddDays(i), durationMinutes = 360, mode = "workshop", trainer = "dr Anna Nowak",
            })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created);
            sessions.Add(session.Id);
        }

        // Member 0 attends 5 of 5, member 1 attends 4 of 5 (80 %), member 2 attends 3 of 5 (60 %).
        for (var i = 0; i < 5; i++)
        {
            var present = new List<Guid> { members[0] };
            if (i < 4)
            {
                present.Add(members[1]);
            }

            if (i < 3)
            {
                present.Add(members[2]);
            }

            (await team.PutAsync($"/api/v1/sessions/{sessions[i]}/attendance", HttpExtensions.JsonBody(System.Text.Json.JsonSerializer.Serialize(new { presentParticipantIds = present }))))
                .EnsureSuccessStatusCode();
        }

        var completion = await (await team.GetAsync($"/api/v1/cohorts/{cohort.Id}/completion")).ShouldBeAsync<GetCohortCompletion.Completion>(HttpStatusCode.OK);

        Assert.Equal((5, 3, 2), (completion.Sessions, completion.Members, completion.Completed));
        var byId = completion.Participants.ToDictionary(p => p.ParticipantId);
        Assert.Equal((5, 1.0, true), (byId[members[0]].Attended, byId[members[0]].AttendanceRate, byId[members[0]].Completed));
        Assert.Equal((4, 0.8, true), (byId[members[1]].Attended, byId[members[1]].AttendanceRate, byId[members[1]].Completed));
        Assert.Equal((3, 0.6, false), (byId[members[2]].Attended, byId[members[2]].AttendanceRate, byId[members[2]].Completed));
    }

    [Fact]
    public async Task Attendance_is_replaced_not_added_and_strangers_are_refused()
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 2, skip: 760);
        var members = await MembersAsync(cohort.Id);
        var session = await (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
        {
            moduleAnchor = "modul-1", startsAt = DateTimeOffset.UtcNow, durationMinutes = 90, mode = "live-online", trainer = "Jan Nowak",
        })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created);

        (await team.PutAsync($"/api/v1/sessions/{session.Id}/attendance", HttpExtensions.JsonBody($$"""{"presentParticipantIds":["{{members[0]}}","{{members[1]}}"]}"""))).EnsureSuccessStatusCode();
        (await team.PutAsync($"/api/v1/sessions/{session.Id}/attendance", HttpExtensions.JsonBody($$"""{"presentParticipantIds":["{{members[1]}}"]}"""))).EnsureSuccessStatusCode();
        var stranger = await team.PutAsync($"/api/v1/sessions/{session.Id}/attendance", HttpExtensions.JsonBody($$"""{"presentParticipantIds":["{{Guid.NewGuid()}}"]}"""));

        await stranger.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        await using var db = api.Db();
        Assert.Equal([members[1]], await db.Context.Set<Attendance>().Where(a => a.SessionId == session.Id).Select(a => a.ParticipantId).ToListAsync());
    }

    [Theory]
    [InlineData("""{"moduleAnchor":"Moduł 1","startsAt":"2024-09-01T08:00:00Z","durationMinutes":90,"mode":"workshop","trainer":"T"}""", "moduleAnchor")]
    [InlineData("""{"moduleAnchor":"modul-1","startsAt":"2024-09-01T08:00:00Z","durationMinutes":5,"mode":"workshop","trainer":"T"}""", "durationMinutes")]
    [InlineData("""{"moduleAnchor":"modul-1","startsAt":"2024-09-01T08:00:00Z","durationMinutes":90,"mode":"workshop","trainer":""}""", "trainer")]
    public async Task Invalid_sessions_are_400_problems(string body, string field)
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 780 + field.Length);

        var problem = await (await team.PostAsync($"/api/v1/cohorts/{cohort.Id}/sessions", HttpExtensions.JsonBody(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Unknown_cohorts_and_sessions_are_404()
    {
        await (await team.GetAsync($"/api/v1/cohorts/{Guid.NewGuid()}/completion")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await team.PutAsync($"/api/v1/sessions/{Guid.NewGuid()}/attendance", HttpExtensions.JsonBody("""{"presentParticipantIds":[]}""")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private async Task<List<Guid>> MembersAsync(Guid cohortId)
    {
        await using var db = api.Db();
        return await db.Context.Set<CohortApplication>().Where(c => c.CohortId == cohortId)
            .Join(db.Context.Set<Participant>(), c => c.ApplicationId, p => p.ApplicationId, (c, p) => p.Id).OrderBy(id => id).ToListAsync();
    }
}
