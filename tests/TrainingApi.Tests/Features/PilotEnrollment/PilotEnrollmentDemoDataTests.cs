using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment;

/// <summary>What a newcomer finds: an open first-come recruitment and a closed pilot whose list of JST is public.</summary>
public sealed class PilotEnrollmentDemoDataTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task The_demo_has_an_open_recruitment_and_a_closed_pilot_with_its_published_list()
    {
        var anyone = api.CreateClient();

        var recruitments = await (await anyone.GetAsync("/api/v1/recruitments")).ShouldBeAsync<Page<RecruitmentView>>(HttpStatusCode.OK);
        var pilot = Assert.Single(recruitments.Items, r => r.SelectionMode == SelectionMode.Ranked);
        var list = await (await anyone.GetAsync($"/api/v1/recruitments/{pilot.Id}/accepted-jst")).ShouldBeAsync<GetAcceptedJst.AcceptedList>(HttpStatusCode.OK);

        Assert.Contains(recruitments.Items, r => r.SelectionMode == SelectionMode.FirstCome && r.IsOpen && r.PlacesLeft == 50);
        Assert.Equal(3, list.Count);
        Assert.Contains(list.Jst, j => j.Teryt == "1061" && j.Name == "Łódź");
    }

    [Fact]
    public async Task Lodz_coordinator_sees_its_timetable_and_the_attendance_of_the_session_held()
    {
        var lodz = api.ClientAs(TrainingApi.Common.Security.Roles.JstCoordinator, teryt: "1061");

        var timetable = await (await lodz.GetAsync("/api/v1/jst/1061/sessions")).ShouldBeAsync<Page<TrainingApi.Features.PilotEnrollment.Pilot.TimetableSession>>(HttpStatusCode.OK);
        var held = timetable.Items[0];
        var attendance = await (await lodz.GetAsync($"/api/v1/sessions/{held.Id}/attendance"))
            .ShouldBeAsync<TrainingApi.Features.PilotEnrollment.Pilot.GetSessionAttendance.SessionAttendance>(HttpStatusCode.OK);

        // One session per module of the piloted version 2.0, all held; workshops in a room, the others online.
        Assert.Equal(5, timetable.Items.Count);
        Assert.All(timetable.Items, s => Assert.True(s.StartsAt < DateTimeOffset.UtcNow));
        Assert.True(timetable.Items[0].Place is not null && timetable.Items[1].Link is not null);
        Assert.Equal(TrainingApi.Features.PilotEnrollment.Pilot.AttendanceState.Present, Assert.Single(attendance.Participants).State);
    }
}
