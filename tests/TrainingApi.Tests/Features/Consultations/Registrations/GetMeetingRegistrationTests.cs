using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Registrations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Registrations;

public sealed class GetMeetingRegistrationTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task The_registering_organisation_and_the_team_read_a_registration_another_organisation_gets_a_404()
    {
        var meeting = await MeetingWithSignUpAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var zpp = await api.PartnerClientAsync(SeededOrganisations.Zpp);
        var created = await (await zmp.SendAsync(RegisterForMeetingTests.Register(meeting,
            new { name = "Anna Kowalska", email = "a.kowalska@zmp.example.pl", phone = "+48 600 000 000", position = "ekspertka" })))
            .ShouldBeAsync<RegistrationView>(HttpStatusCode.Created);
        var url = $"/api/v1/consultation-meetings/{meeting}/registrations/{created.Id}";

        var own = await (await zmp.GetAsync(url)).ShouldBeAsync<RegistrationView>(HttpStatusCode.OK);
        var forTeam = await (await steps.Team.GetAsync(url)).ShouldBeAsync<RegistrationView>(HttpStatusCode.OK);
        var other = await zpp.GetAsync(url);
        var coordinator = await api.ClientAs(Roles.JstCoordinator).GetAsync(url);

        Assert.Equal((created.Id, meeting, SeededOrganisations.Zmp), (own.Id, own.MeetingId, own.OrganisationId));
        Assert.Equal("a.kowalska@zmp.example.pl", Assert.Single(forTeam.Representatives).Email);
        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await coordinator.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_registration_asked_for_under_another_meeting_is_a_404_and_an_expert_may_not_read_it()
    {
        var meeting = await MeetingWithSignUpAsync();
        var other = await MeetingWithSignUpAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var created = await (await zmp.SendAsync(RegisterForMeetingTests.Register(meeting, new { name = "Jan Nowak", email = "j.nowak@zmp.example.pl" })))
            .ShouldBeAsync<RegistrationView>(HttpStatusCode.Created);

        await (await zmp.GetAsync($"/api/v1/consultation-meetings/{other}/registrations/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await steps.Expert.GetAsync($"/api/v1/consultation-meetings/{meeting}/registrations/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<Guid> MeetingWithSignUpAsync()
    {
        var round = await steps.OpenRoundAsync();
        var meeting = await (await steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/meetings",
            new { startsAt = api.Clock.Now.AddDays(3), durationMinutes = 90, place = "Kraków", organiser = "ORE" })).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);
        var open = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-meetings/{meeting.Id}/registration") { Content = HttpExtensions.JsonBody("""{"capacity":5}""") };
        open.Headers.IfMatch.Add((await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}")).Headers.ETag!);
        (await steps.Team.SendAsync(open)).EnsureSuccessStatusCode();
        return meeting.Id;
    }
}
