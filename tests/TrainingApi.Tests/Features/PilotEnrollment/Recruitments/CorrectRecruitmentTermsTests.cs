using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

public sealed class CorrectRecruitmentTermsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_rodo_clause_applies_to_new_applications_only()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var gminas = EnrollmentSteps.Gminas(3, skip: 0);
        var earlier = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, gminas[0])).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        var corrected = await (await api.ClientAs(Roles.ProgrammeTeam).PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/terms",
            new { title = "Nabór poprawiony", description = "Opis.", rodoClauseVersion = "RODO-2024-06", reason = "Nowa klauzula." })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        var withOld = await EnrollmentSteps.ApplyAsync(api, recruitment.Id, gminas[1]);
        var withNew = await api.ClientAs(Roles.JstCoordinator, teryt: gminas[2]).PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/applications",
            EnrollmentSteps.Body(rodo: "RODO-2024-06"));

        Assert.Equal(("Nabór poprawiony", "RODO-2024-06"), (corrected.Title, corrected.RodoClauseVersion));
        Assert.Equal("rodo-clause-outdated", (await withOld.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        Assert.Equal("RODO-2024-06", (await withNew.ShouldBeAsync<ApplicationView>(HttpStatusCode.Created)).RodoClauseVersion);
        await using var db = api.Db();
        Assert.Equal(EnrollmentSteps.Rodo, (await db.Context.Set<Application>().SingleAsync(a => a.Id == earlier.Id)).RodoClauseVersion);
    }

    [Fact]
    public async Task Terms_without_a_title_or_reason_are_refused()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var team = api.ClientAs(Roles.ProgrammeTeam);

        var noTitle = await team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/terms", new { title = "", rodoClauseVersion = "R-2", reason = "Tak." });
        var noReason = await team.PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/terms", new { title = "T", rodoClauseVersion = "R-2", reason = "" });
        var unknown = await team.PutJsonAsync($"/api/v1/recruitments/{Guid.NewGuid()}/terms", new { title = "T", rodoClauseVersion = "R-2", reason = "Tak." });

        await noTitle.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(EnrollmentSteps.Rodo, (await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK)).RodoClauseVersion);
    }
}
