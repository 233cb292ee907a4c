using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

public sealed class PublishAcceptedListTests(AllocatePlacesTests.MovableClockFactory api) : IClassFixture<AllocatePlacesTests.MovableClockFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task After_the_recruitment_closes_the_team_publishes_the_list_once()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 2, opensAt: api.Clock.Now.AddHours(-1), closesAt: api.Clock.Now.AddDays(1));
        foreach (var teryt in EnrollmentSteps.Gminas(3, skip: 900))
        {
            (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).EnsureSuccessStatusCode();
        }

        var early = await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-list/publication", null);
        Assert.Equal("recruitment-not-closed", (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await AssertUnpublishedAsync(recruitment.Id);

        api.Clock.Now = recruitment.ClosesAt.AddMinutes(1);
        var published = await (await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-list/publication", null)).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        var again = await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-list/publication", null);

        Assert.Equal(api.Clock.Now.ForDatabase(), published.AcceptedListPublishedAt);
        Assert.Equal("already-published", (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        var list = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-jst")).ShouldBeAsync<GetAcceptedJst.AcceptedList>(HttpStatusCode.OK);
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public async Task A_ranked_recruitment_publishes_only_after_its_allocation_run()
    {
        var recruitment = await (await team.PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór rankingowy", opensAt = api.Clock.Now.AddHours(-1), closesAt = api.Clock.Now.AddHours(1), capacity = 2, maxParticipantsPerJst = 3,
            rodoClauseVersion = EnrollmentSteps.Rodo, selectionMode = "ranked", eligibleKinds = new[] { "gmina-wiejska", "gmina-miejska", "gmina-miejsko-wiejska" },
            programmeVersionId = await EnrollmentSteps.PilotVersionAsync(api),
        })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.Created);
        api.Clock.Now = recruitment.ClosesAt.AddMinutes(1);

        var response = await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-list/publication", null);

        Assert.Equal("not-allocated", (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await AssertUnpublishedAsync(recruitment.Id);
    }

    [Fact]
    public async Task Only_the_team_publishes_and_an_unknown_recruitment_is_a_404()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, opensAt: api.Clock.Now.AddHours(-2), closesAt: api.Clock.Now.AddHours(-1));

        var coordinator = await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostAsync($"/api/v1/recruitments/{recruitment.Id}/accepted-list/publication", null);
        var unknown = await team.PostAsync($"/api/v1/recruitments/{Guid.NewGuid()}/accepted-list/publication", null);

        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await AssertUnpublishedAsync(recruitment.Id);
    }

    private async Task AssertUnpublishedAsync(Guid recruitmentId)
    {
        await using var db = api.Db();
        Assert.Null((await db.Context.Set<Recruitment>().SingleAsync(r => r.Id == recruitmentId)).AcceptedListPublishedAt);
    }
}
