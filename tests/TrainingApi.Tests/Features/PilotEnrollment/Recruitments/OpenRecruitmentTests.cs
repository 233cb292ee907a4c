using System.Net;
using Microsoft.EntityFrameworkCore;
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
    [InlineData("""{"title":"N","opensAt":"2024-05-10T00:00:00Z","closesAt":"2024-05-01T00:00:00Z","rodoClauseVersion":"R","programmeVersionId":"01936b2f-0000-7000-8000-000000000001","eligibleKinds":["powiat"]}""", "closesAt")]
    [InlineData("""{"title":"N","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","capacity":0,"rodoClauseVersion":"R","programmeVersionId":"01936b2f-0000-7000-8000-000000000001","eligibleKinds":["powiat"]}""", "capacity")]
    [InlineData("""{"title":"N","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","maxParticipantsPerJst":4,"rodoClauseVersion":"R","programmeVersionId":"01936b2f-0000-7000-8000-000000000001","eligibleKinds":["powiat"]}""", "maxParticipantsPerJst")]
    [InlineData("""{"title":"N","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","rodoClauseVersion":"R","programmeVersionId":"01936b2f-0000-7000-8000-000000000001","eligibleKinds":[]}""", "eligibleKinds")]
    [InlineData("""{"title":"","opensAt":"2024-05-01T00:00:00Z","closesAt":"2024-05-10T00:00:00Z","rodoClauseVersion":"R","programmeVersionId":"01936b2f-0000-7000-8000-000000000001","eligibleKinds":["powiat"]}""", "title")]
    public async Task Invalid_recruitments_are_400_problems(string body, string field)
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).PostAsync("/api/v1/recruitments", HttpExtensions.JsonBody(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    /// <summary>A window left out would open on 0001-01-01: a missing date is refused, naming it, and nothing is opened.</summary>
    [Fact]
    public async Task A_recruitment_without_its_window_is_refused_naming_what_is_missing()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);
        var response = await team.PostAsync("/api/v1/recruitments",
            HttpExtensions.JsonBody("""{"title":"Bez okna","rodoClauseVersion":"R","programmeVersionId":"01936b2f-0000-7000-8000-000000000001","eligibleKinds":["powiat"]}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("opensAt"));
        Assert.NotEmpty(problem.ErrorsFor("closesAt"));
        Assert.DoesNotContain("TrainingApi", problem.ToString(), StringComparison.Ordinal);
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

    [Fact]
    public async Task A_recruitment_names_the_programme_version_its_pilot_tests()
    {
        var versionId = await EnrollmentSteps.PilotVersionAsync(api);

        var recruitment = await EnrollmentSteps.OpenAsync(api, versionId: versionId);

        var read = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        Assert.Equal(versionId, read.ProgrammeVersionId);
    }

    [Fact]
    public async Task A_recruitment_without_a_version_is_a_400_and_with_an_unknown_or_draft_version_a_422()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);
        var draft = await new Curriculum.CurriculumSteps(team).DraftAsync();
        object Body(Guid versionId) => new
        {
            title = "Nabór bez wersji", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(3), rodoClauseVersion = EnrollmentSteps.Rodo,
            eligibleKinds = new[] { "powiat" }, programmeVersionId = versionId,
        };

        var missing = await team.PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór bez wersji", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(3), rodoClauseVersion = EnrollmentSteps.Rodo,
            eligibleKinds = new[] { "powiat" },
        });
        var unknown = await team.PostJsonAsync("/api/v1/recruitments", Body(Guid.NewGuid()));
        var ofDraft = await team.PostJsonAsync("/api/v1/recruitments", Body(draft.Id));

        Assert.NotEmpty((await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("programmeVersionId"));
        Assert.Equal("version-not-found", (await unknown.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        Assert.Equal("version-not-pilotable", (await ofDraft.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Recruitment>().AnyAsync(r => r.Title == "Nabór bez wersji"));
    }
}
