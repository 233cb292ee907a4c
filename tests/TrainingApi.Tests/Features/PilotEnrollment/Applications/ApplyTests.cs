using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

public sealed class ApplyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_coordinator_applies_for_its_jst_and_takes_a_place()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        var response = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061", participants: 3);

        var application = await response.ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        Assert.Equal((ApplicationStatus.Accepted, "1061", "Łódź", 3), (application.Status, application.JstTeryt, application.JstName, application.Participants.Count));
        Assert.Equal(EnrollmentSteps.Rodo, application.RodoClauseVersion);
        var view = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        Assert.Equal((1, 49), (view.Accepted, view.PlacesLeft));
    }

    [Fact]
    public async Task The_team_applies_on_behalf_of_a_jst_and_past_capacity_it_is_waitlisted()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var team = api.ClientAs(Roles.ProgrammeTeam);

        var first = await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body(teryt: "0201011")))
            .ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        var second = await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body(teryt: "0201022")))
            .ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        Assert.Equal((ApplicationStatus.Accepted, (int?)null), (first.Status, first.WaitlistPosition));
        Assert.Equal((ApplicationStatus.Waitlisted, (int?)1), (second.Status, second.WaitlistPosition));
    }

    [Fact]
    public async Task An_unknown_teryt_code_is_a_422_problem()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        var response = await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body(teryt: "9999999"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("unknown-teryt", problem.GetProperty("code").GetString());
        await AssertNoApplicationAsync(recruitment.Id);
    }

    [Fact]
    public async Task An_ineligible_kind_of_unit_is_a_422_problem_naming_the_eligible_kinds()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, kinds: ["gmina-wiejska"]);

        var response = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("jst-not-eligible", problem.GetProperty("code").GetString());
        Assert.Contains("gmina-wiejska", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNoApplicationAsync(recruitment.Id);
    }

    [Fact]
    public async Task A_recruitment_not_open_yet_or_closed_is_a_409_naming_the_window()
    {
        var future = await EnrollmentSteps.OpenAsync(api, opensAt: DateTimeOffset.UtcNow.AddDays(1), closesAt: DateTimeOffset.UtcNow.AddDays(2));
        var past = await EnrollmentSteps.OpenAsync(api, opensAt: DateTimeOffset.UtcNow.AddDays(-2), closesAt: DateTimeOffset.UtcNow.AddDays(-1));

        var early = await EnrollmentSteps.ApplyAsync(api, future.Id, "1061");
        var late = await EnrollmentSteps.ApplyAsync(api, past.Id, "1061");

        var problem = await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("recruitment-not-open", problem.GetProperty("code").GetString());
        Assert.Contains("Europe/Warsaw", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await late.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        await AssertNoApplicationAsync(future.Id);
    }

    [Fact]
    public async Task Four_participants_are_a_400_problem()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        var response = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061", participants: 4);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("participants"));
        await AssertNoApplicationAsync(recruitment.Id);
    }

    [Fact]
    public async Task A_missing_participants_list_is_a_400_not_a_500()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: "1061");
        var questionnaire = new { schoolsRun = 3, hasDigitalStrategy = false };

        var response = await coordinator.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", new { rodoClauseVersion = EnrollmentSteps.Rodo, questionnaire });
        var noEmail = await coordinator.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications",
            new { rodoClauseVersion = EnrollmentSteps.Rodo, questionnaire, participants = new[] { new { name = "Ewa", position = "naczelniczka" } } });

        Assert.NotEmpty((await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("participants"));
        Assert.NotEmpty((await noEmail.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("participants[0].email"));
        await AssertNoApplicationAsync(recruitment.Id);
    }

    [Fact]
    public async Task More_participants_than_this_recruitment_takes_are_a_400_problem()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, maxParticipants: 1);

        var response = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061", participants: 2);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task An_outdated_rodo_clause_is_a_422_problem()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        var response = await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body(rodo: "RODO-2023-01"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("rodo-clause-outdated", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_coordinator_cannot_apply_for_another_jst()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        var response = await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications", EnrollmentSteps.Body(teryt: "1465"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await AssertNoApplicationAsync(recruitment.Id);
    }

    [Fact]
    public async Task A_city_with_county_rights_applying_by_its_other_code_is_the_same_jst()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1465011")).EnsureSuccessStatusCode();

        var again = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1465");

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("already-applied", problem.GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.Equal("1465", (await db.Context.Set<Application>().SingleAsync(a => a.RecruitmentId == recruitment.Id)).JstTeryt);
    }

    [Fact]
    public async Task Participants_personal_data_never_reaches_the_audit_log()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061")).EnsureSuccessStatusCode();

        var audit = await api.ClientAs(Roles.ProgrammeTeam).GetStringAsync("/api/v1/audit-entries?entityType=Participant&limit=100");

        Assert.Contains("(personal data)", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("osoba1@urzad.example.pl", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Uczestnik 1", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_application_and_its_placement_are_audited_under_their_own_use_cases()
    {
        // Contexts are pooled and reused across requests and the placement's own scope: each save must still
        // name the use case of the scope that leased the context, not the previous one's.
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var application = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, "1061")).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        var page = await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync($"/api/v1/audit-entries?entityType=Application&entityId={application.Id}"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);

        Assert.Collection(page.Items,
            created => Assert.Equal(("Apply", "created", "jst-coordinator"), (created.Action, created.Operation, created.Actor.Role)),
            placed =>
            {
                Assert.Equal(("PlaceApplication", "updated"), (placed.Action, placed.Operation));
                Assert.Equal("Accepted", placed.Changes.GetProperty("status").GetString());
            });
    }

    private async Task AssertNoApplicationAsync(Guid recruitmentId)
    {
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Application>().AnyAsync(a => a.RecruitmentId == recruitmentId));
    }
}
