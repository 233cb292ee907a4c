using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

public sealed class GetAcceptedJstTests(AllocatePlacesTests.MovableClockFactory api) : IClassFixture<AllocatePlacesTests.MovableClockFactory>
{
    private readonly HttpClient anyone = api.CreateClient();

    [Fact]
    public async Task Anyone_reads_the_published_list_of_units_without_personal_data_and_it_follows_later_withdrawals()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 2, opensAt: api.Clock.Now.AddHours(-1), closesAt: api.Clock.Now.AddDays(1));
        var applications = new List<ApplicationView>();
        // Łódź (10) before two units of Dolnośląskie (02) in arrival order; the list is by voivodeship, then name.
        foreach (var teryt in new[] { "1061", "0201022", "0201011" })
        {
            applications.Add(await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created));
        }

        var before = await anyone.GetAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-jst");
        Assert.Equal("accepted-list-not-published", (await before.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found")).GetProperty("code").GetString());

        api.Clock.Now = recruitment.ClosesAt.AddMinutes(1);
        (await api.ClientAs(Roles.ProgrammeTeam).PostAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-list/publication", null)).EnsureSuccessStatusCode();
        var response = await anyone.GetAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-jst");
        var list = await response.ShouldBeAsync<GetAcceptedJst.AcceptedList>(HttpStatusCode.OK);

        Assert.Equal([("0201022", "02"), ("1061", "10")], list.Jst.Select(j => (j.Teryt, j.VoivodeshipCode)));
        Assert.Equal(("ŁÓDZKIE", JstKind.MiastoNaPrawachPowiatu, ApplicationStatus.Accepted), (list.Jst[1].Voivodeship, list.Jst[1].Kind, list.Jst[1].Status));
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("osoba1@urzad.example.pl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostJsonAsync($"/api/v1/applications/{applications[0].Id}/withdraw", new { reason = "Rezygnacja." }))
            .EnsureSuccessStatusCode();
        var after = await (await anyone.GetAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-jst")).ShouldBeAsync<GetAcceptedJst.AcceptedList>(HttpStatusCode.OK);
        Assert.Equal(["0201011", "0201022"], after.Jst.Select(j => j.Teryt));
    }

    [Fact]
    public async Task An_unknown_recruitment_is_a_404()
    {
        await (await anyone.GetAsync($"/api/v1/recruitments/{Guid.NewGuid()}/accepted-jst")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
