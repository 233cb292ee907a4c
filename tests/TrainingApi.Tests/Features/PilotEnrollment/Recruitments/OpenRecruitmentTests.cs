using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

/// <summary>OpenRecruitment, and the public ListRecruitments / GetRecruitment views with places left.</summary>
public sealed class OpenRecruitmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_team_opens_a_recruitment_that_anyone_can_see_with_its_places_left()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 50);

        var listed = await (await api.CreateClient().GetAsync("/api/v1/recruitments")).ShouldBeAsync<Page<RecruitmentView>>(HttpStatusCode.OK);

        var view = Assert.Single(listed.Items, r => r.Id == recruitment.Id);
        Assert.Equal((50, 50, true, SelectionMode.FirstCome), (view.Capacity, view.PlacesLeft, view.IsOpen, view.SelectionMode));
        Assert.EndsWith("(Europe/Warsaw)", view.ClosesAtWarsaw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"N","opensAt":"2024-05-10T00:00:00Z","closesAt":"2024-05-01T00:00:00Z","rodoClauseVersion":"R","eligibleKinds":["powiat"]}""", "closesAt")]
    [InlineData("""{"title":"N","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","capacity":0,"rodoClauseVersion":"R","eligibleKinds":["powiat"]}""", "capacity")]
    [InlineData("""{"title":"N","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","maxParticipantsPerJst":4,"rodoClauseVersion":"R","eligibleKinds":["powiat"]}""", "maxParticipantsPerJst")]
    [InlineData("""{"title":"N","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","rodoClauseVersion":"R","eligibleKinds":[]}""", "eligibleKinds")]
    [InlineData("""{"title":"","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","rodoClauseVersion":"R","eligibleKinds":["powiat"]}""", "title")]
    public async Task Invalid_recruitments_are_400_problems(string body, string field)
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).PostAsync("/api/v1/recruitments", HttpExtensions.JsonBody(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Only_the_programme_team_opens_recruitments()
    {
        var response = await api.ClientAs(Roles.JstCoordinator).PostAsync("/api/v1/recruitments", HttpExtensions.JsonBody("{}"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_recruitment_is_a_404_problem()
    {
        await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
