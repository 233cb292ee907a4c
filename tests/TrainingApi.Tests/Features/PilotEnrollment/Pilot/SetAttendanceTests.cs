using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

/// <summary>SetAttendance, RecordAttendance with states, the attendance reads, and how late and excused count for completion.</summary>
public sealed class SetAttendanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Late_counts_as_attended_and_an_excused_session_leaves_the_count_by_default()
    {
        var (cohort, applications, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 5, skip: 0);
        var (a, b) = (members[0], members[1]);
        for (var i = 0; i < 5; i++)
        {
            (await team.PutJsonAsync($"/api/v1/sessions/{sessions[i]}/attendance", new
            {
                presentParticipantIds = i < 3 ? new[] { a, b } : [],
                lateParticipantIds = i == 3 ? new[] { a } : [],
                excusedParticipantIds = i == 4 ? new[] { a } : [],
            })).EnsureSuccessStatusCode();
        }

        var completion = await (await team.GetAsync($"/api/v1/cohorts/{cohort}/completion")).ShouldBeAsync<GetCohortCompletion.Completion>(HttpStatusCode.OK);

        var byId = completion.Participants.ToDictionary(p => p.ParticipantId);
        Assert.Equal((3, 1, 1, 0, 4, 4, 1.0, true), (byId[a].Present, byId[a].Late, byId[a].Excused, byId[a].Absent, byId[a].Attended, byId[a].Required, byId[a].AttendanceRate, byId[a].Completed));
        Assert.Equal((3, 2, 5, 0.6, false), (byId[b].Present, byId[b].Absent, byId[b].Required, byId[b].AttendanceRate, byId[b].Completed));
        Assert.True(completion.LateCountsAsAttended && completion.ExcusedReducesSessions);
    }

    [Fact]
    public async Task One_participants_state_changes_and_the_others_stay()
    {
        var (_, _, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 1, skip: 20);
        (await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance", new { presentParticipantIds = members })).EnsureSuccessStatusCode();

        var late = await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance/{members[0]}", new { state = "late" });
        var absent = await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance/{members[1]}", new { state = "absent" });
        var read = await (await team.GetAsync($"/api/v1/sessions/{sessions[0]}/attendance")).ShouldBeAsync<GetSessionAttendance.SessionAttendance>(HttpStatusCode.OK);

        Assert.Equal(AttendanceState.Late, (await late.ShouldBeAsync<SetAttendance.AttendanceRecord>(HttpStatusCode.OK)).State);
        absent.EnsureSuccessStatusCode();
        Assert.Equal([(members[0], AttendanceState.Late), (members[1], AttendanceState.Absent)],
            read.Participants.Where(p => p.ParticipantId == members[0] || p.ParticipantId == members[1]).OrderBy(p => p.ParticipantId == members[1]).Select(p => (p.ParticipantId, p.State)));
        await using var db = api.Db();
        Assert.Equal([(members[0], AttendanceState.Late)], (await db.Context.Set<Attendance>().Where(x => x.SessionId == sessions[0]).ToListAsync()).Select(x => (x.ParticipantId, x.State)));
    }

    [Fact]
    public async Task Strangers_unknown_states_and_sessions_and_other_roles_are_refused()
    {
        var (_, _, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 1, skip: 40);

        var stranger = await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance/{Guid.NewGuid()}", new { state = "present" });
        var badState = await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance/{members[0]}", new { state = "asleep" });
        var unknown = await team.PutJsonAsync($"/api/v1/sessions/{Guid.NewGuid()}/attendance/{members[0]}", new { state = "present" });
        var twice = await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance", new { presentParticipantIds = new[] { members[0] }, lateParticipantIds = new[] { members[0] } });
        var coordinator = await api.ClientAs(Roles.JstCoordinator).PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance/{members[0]}", new { state = "present" });

        Assert.Equal("not-cohort-members", (await stranger.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        Assert.True(badState.StatusCode == HttpStatusCode.BadRequest, await badState.Content.ReadAsStringAsync());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Attendance>().AnyAsync(x => x.SessionId == sessions[0]));
    }

    [Fact]
    public async Task A_coordinator_reads_its_own_participants_attendance_and_completion_only()
    {
        var (cohort, applications, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 2, skip: 60, jst: 2);
        (await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance", new { presentParticipantIds = members })).EnsureSuccessStatusCode();
        var own = applications[0];
        var ownMember = own.Participants[0].Id;
        var otherMember = applications[1].Participants[0].Id;
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: own.JstTeryt);

        var mine = await (await coordinator.GetAsync($"/api/v1/participants/{ownMember}/attendance")).ShouldBeAsync<GetParticipantAttendance.ParticipantAttendanceView>(HttpStatusCode.OK);
        var theirs = await coordinator.GetAsync($"/api/v1/participants/{otherMember}/attendance");
        var session = await (await coordinator.GetAsync($"/api/v1/sessions/{sessions[0]}/attendance")).ShouldBeAsync<GetSessionAttendance.SessionAttendance>(HttpStatusCode.OK);
        var completion = await (await coordinator.GetAsync($"/api/v1/cohorts/{cohort}/completion")).ShouldBeAsync<GetCohortCompletion.Completion>(HttpStatusCode.OK);

        Assert.Equal([AttendanceState.Present, AttendanceState.Absent], mine.Sessions.Select(s => s.State));
        Assert.Equal((1, 0.5), (mine.Completion!.Attended, mine.Completion.AttendanceRate));
        await theirs.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.All(session.Participants, p => Assert.Equal(own.JstTeryt, p.JstTeryt));
        Assert.All(completion.Participants, p => Assert.Equal(own.JstTeryt, p.JstTeryt));
        Assert.Equal(own.Participants.Count, completion.Members);
        await (await api.ClientAs(Roles.JstCoordinator, teryt: "1061").GetAsync($"/api/v1/cohorts/{cohort}/completion")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}

/// <summary>With late counted as absent and excused absences counted too (the stricter rules a programme may choose).</summary>
public sealed class StrictCompletionRulesTests(StrictCompletionRulesTests.StrictFactory api) : IClassFixture<StrictCompletionRulesTests.StrictFactory>
{
    [Fact]
    public async Task Late_and_excused_then_count_as_absent()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);
        var (cohort, _, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 5, skip: 0);
        for (var i = 0; i < 5; i++)
        {
            (await team.PutJsonAsync($"/api/v1/sessions/{sessions[i]}/attendance/{members[0]}", new { state = i < 3 ? "present" : i == 3 ? "late" : "excused" })).EnsureSuccessStatusCode();
        }

        var completion = await (await team.GetAsync($"/api/v1/cohorts/{cohort}/completion")).ShouldBeAsync<GetCohortCompletion.Completion>(HttpStatusCode.OK);

        var a = completion.Participants.Single(p => p.ParticipantId == members[0]);
        Assert.Equal((3, 5, 0.6, false), (a.Attended, a.Required, a.AttendanceRate, a.Completed));
        Assert.False(completion.LateCountsAsAttended || completion.ExcusedReducesSessions);
    }

    public sealed class StrictFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Pilot:LateCountsAsAttended"] = "false",
            ["Pilot:ExcusedReducesSessions"] = "false",
        };
    }
}

public static class AttendanceSteps
{
    /// <summary>A cohort of <paramref name="jst"/> JST with two participants each, and sessions starting tomorrow, one a day.</summary>
    public static async Task<(Guid Cohort, List<ApplicationView> Applications, List<Guid> Members, List<Guid> Sessions)> CohortWithSessionsAsync(
        ApiFactory api, HttpClient team, int sessions, int skip, int jst = 1)
    {
        var (_, cohort, applications) = await PilotSteps.CohortAsync(api, jst: jst, participantsEach: 2, skip: skip);
        var ids = new List<Guid>();
        for (var i = 0; i < sessions; i++)
        {
            ids.Add((await (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
            {
                moduleAnchor = $"modul-{i + 1}", startsAt = DateTimeOffset.UtcNow.AddDays(i + 1), durationMinutes = 240, mode = "workshop", trainer = "dr Anna Nowak",
            })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created)).Id);
        }

        return (cohort.Id, applications, [.. applications.SelectMany(a => a.Participants.Select(p => p.Id))], ids);
    }
}
