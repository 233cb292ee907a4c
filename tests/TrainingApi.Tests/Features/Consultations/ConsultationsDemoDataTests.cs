using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Public;
using TrainingApi.Features.Consultations.Report;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations;

/// <summary>The demo consultation a newcomer finds: an open round on the demo version, a meeting and answered and open comments.</summary>
public sealed class ConsultationsDemoDataTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task An_open_round_with_a_meeting_and_comments_is_ready_to_try()
    {
        var expert = api.ClientAs(Roles.Expert);

        var round = Assert.Single((await (await expert.GetAsync("/api/v1/consultation-rounds")).ShouldBeAsync<Page<RoundView>>(HttpStatusCode.OK)).Items);
        var meetings = await (await expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/meetings")).ShouldBeAsync<Page<MeetingView>>(HttpStatusCode.OK);
        var report = await (await expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/report")).ShouldBeAsync<ConsultationReportView>(HttpStatusCode.OK);

        // ZPP's two comments from the meeting, and ZMP's on modul-3-1 (taken into 2.0: the section history shows it).
        Assert.Equal((RoundStatus.Open, 3), (round.Status, round.Comments));
        Assert.Equal([3, 0], meetings.Items.Select(m => m.CommentsGathered));
        var anonymous = api.CreateClient();
        var publicRound = await (await anonymous.GetAsync($"/api/v1/public/consultation-rounds/{round.Id}")).ShouldBeAsync<PublicRoundView>(HttpStatusCode.OK);
        var publicMeetings = await (await anonymous.GetAsync(publicRound.Links.Meetings)).ShouldBeAsync<Page<PublicMeetingView>>(HttpStatusCode.OK);
        Assert.NotNull(publicMeetings.Items[0].Minutes);
        Assert.Equal(new RegistrationSummary(40, 0, 40), publicMeetings.Items[1].Registration);
        Assert.Equal(3, report.Counts.Comments);
        Assert.Contains(report.Rows, r => r.Disposition is null);
        Assert.Contains(report.Rows, r => r.Disposition is not null);
    }
}
