using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Versions;

public sealed class TransitionVersionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam, subject: "anna.kowalska");
    private CurriculumSteps Steps => new(team);

    [Fact]
    public async Task A_version_goes_through_the_whole_workflow_with_every_move_recorded()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", hours: 2);

        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation,
            VersionStatus.Revised, VersionStatus.InPilot);
        var pilot = await PilotEvidenceSteps.CompletedPilotAsync(api, version.Id, ["modul-1"]);
        await Steps.MoveAlongAsync(version.Id, VersionStatus.Tested, VersionStatus.Superseded);

        var history = await (await team.GetAsync($"/api/v1/versions/{version.Id}/transitions")).ShouldBeAsync<List<TransitionView>>(HttpStatusCode.OK);
        Assert.Equal(
            [VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot, VersionStatus.Tested, VersionStatus.Superseded],
            history.Select(t => t.To));
        Assert.All(history, t => Assert.Equal("anna.kowalska", t.Actor));
        Assert.All(history, t => Assert.Equal("Zgodnie z harmonogramem projektu.", t.Reason));
        var read = await (await team.GetAsync($"/api/v1/versions/{version.Id}")).ShouldBeAsync<VersionView>(HttpStatusCode.OK);
        Assert.Equal(VersionStatus.Superseded, read.Status);
        Assert.Empty(read.NextStatuses);
        Assert.Equal(new VersionEvidenceView(false, pilot.RecruitmentId, version.Id), read.Evidence);
    }

    [Fact]
    public async Task Tested_without_a_pilot_of_the_version_is_a_409_and_changes_nothing()
    {
        var version = await InPilotAsync();

        var refused = await Steps.MoveAsync(version.Id, VersionStatus.Tested);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("no-pilot-evidence", problem.GetProperty("code").GetString());
        Assert.Empty(problem.GetProperty("pilots").EnumerateArray());
        await AssertStatusAsync(version.Id, VersionStatus.InPilot);
    }

    [Fact]
    public async Task Tested_on_a_pilot_without_completions_or_without_evaluations_is_a_409()
    {
        var noCompletions = await InPilotAsync();
        await PilotEvidenceSteps.CompletedPilotAsync(api, noCompletions.Id, ["modul-1"], complete: false);
        var noEvaluations = await InPilotAsync();
        await PilotEvidenceSteps.CompletedPilotAsync(api, noEvaluations.Id, ["modul-1"], evaluations: []);

        foreach (var version in new[] { noCompletions, noEvaluations })
        {
            var problem = await (await Steps.MoveAsync(version.Id, VersionStatus.Tested)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
            Assert.Equal("no-pilot-evidence", problem.GetProperty("code").GetString());
            Assert.Single(problem.GetProperty("pilots").EnumerateArray());
            await AssertStatusAsync(version.Id, VersionStatus.InPilot);
        }
    }

    [Fact]
    public async Task A_pilot_of_another_version_is_no_evidence()
    {
        var piloted = await InPilotAsync();
        await PilotEvidenceSteps.CompletedPilotAsync(api, piloted.Id, ["modul-1"]);
        var other = await InPilotAsync();

        var problem = await (await Steps.MoveAsync(other.Id, VersionStatus.Tested)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.Equal("no-pilot-evidence", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_update_path_goes_from_accessible_to_tested_carrying_the_predecessors_evidence()
    {
        var tested = await InPilotAsync();
        var pilot = await PilotEvidenceSteps.CompletedPilotAsync(api, tested.Id, ["modul-1"]);
        await Steps.MoveAlongAsync(tested.Id, VersionStatus.Tested);
        var update = await UpdateAsync(tested, "2.1");

        await Steps.MoveAlongAsync(update.Id, VersionStatus.InReview, VersionStatus.Accessible);
        var consultation = await Steps.MoveAsync(update.Id, VersionStatus.InConsultation);
        var moved = await (await Steps.MoveAsync(update.Id, VersionStatus.Tested)).ShouldBeAsync<TransitionVersion.Result>(HttpStatusCode.OK);

        var problem = await consultation.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("transition-not-allowed", problem.GetProperty("code").GetString());
        Assert.Equal(VersionStatus.Tested, moved.Version.Status);
        Assert.Equal(VersionPath.Update, moved.Version.Path);
        Assert.Equal(UpdateReason.ChangeInLaw, moved.Version.UpdateReason);
        Assert.Equal(new VersionEvidenceView(true, pilot.RecruitmentId, tested.Id), moved.Version.Evidence);
        Assert.Equal($"/api/v1/programmes/{tested.ProgrammeId}/diff?from={tested.Id}&to={update.Id}", moved.Version.PredecessorDiffUrl);
    }

    [Fact]
    public async Task An_update_of_an_update_carries_the_evidence_of_the_version_the_pilot_tested()
    {
        var tested = await InPilotAsync();
        var pilot = await PilotEvidenceSteps.CompletedPilotAsync(api, tested.Id, ["modul-1"]);
        await Steps.MoveAlongAsync(tested.Id, VersionStatus.Tested);
        var first = await UpdateAsync(tested, "2.1");
        await Steps.MoveAlongAsync(first.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.Tested);
        // The predecessor may be superseded meanwhile: it was tested, and that is what the update path needs.
        await Steps.MoveAlongAsync(tested.Id, VersionStatus.Superseded);
        var second = await UpdateAsync(first, "2.2");

        await Steps.MoveAlongAsync(second.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.Tested);

        var read = await (await team.GetAsync($"/api/v1/versions/{second.Id}")).ShouldBeAsync<VersionView>(HttpStatusCode.OK);
        Assert.Equal(new VersionEvidenceView(true, pilot.RecruitmentId, tested.Id), read.Evidence);
    }

    [Fact]
    public async Task The_full_path_does_not_take_the_update_shortcut()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", hours: 2);
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible);

        var problem = await (await Steps.MoveAsync(version.Id, VersionStatus.Tested)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.Equal("transition-not-allowed", problem.GetProperty("code").GetString());
        await AssertStatusAsync(version.Id, VersionStatus.Accessible);
    }

    private async Task<VersionView> InPilotAsync()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", hours: 2);
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot);
        return version;
    }

    private async Task<VersionView> UpdateAsync(VersionView from, string label) =>
        await (await team.PostJsonAsync($"/api/v1/programmes/{from.ProgrammeId}/versions", new
        {
            label, basedOnVersionId = from.Id, updateReason = "change-in-law", notes = "Zmiana ustawy o systemie oświaty: nowe terminy sprawozdań.",
        })).ShouldBeAsync<VersionView>(HttpStatusCode.Created);

    [Fact]
    public async Task Leaving_draft_reports_the_accessibility_check()
    {
        var version = await Steps.DraftAsync();

        var moved = await (await Steps.MoveAsync(version.Id, VersionStatus.InReview)).ShouldBeAsync<TransitionVersion.Result>(HttpStatusCode.OK);

        Assert.NotNull(moved.Accessibility);
        Assert.Equal(VersionStatus.InReview, moved.Version.Status);
    }

    [Fact]
    public async Task A_move_the_workflow_does_not_allow_is_a_409_naming_the_allowed_ones_and_changes_nothing()
    {
        var version = await Steps.DraftAsync();

        var skip = await Steps.MoveAsync(version.Id, VersionStatus.Tested);

        var problem = await skip.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("transition-not-allowed", problem.GetProperty("code").GetString());
        Assert.Contains("in-review", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertStatusAsync(version.Id, VersionStatus.Draft);
    }

    [Fact]
    public async Task Going_back_to_draft_is_refused_with_the_advice_to_create_a_new_draft()
    {
        var version = await Steps.DraftAsync();
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview);

        var back = await Steps.MoveAsync(version.Id, VersionStatus.Draft);

        var problem = await back.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains("new draft", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expert_may_submit_for_review_but_not_approve_accessibility()
    {
        var expert = new CurriculumSteps(api.ClientAs(Roles.Expert));
        var version = await expert.DraftAsync();

        var submitted = await expert.MoveAsync(version.Id, VersionStatus.InReview);
        var approved = await expert.MoveAsync(version.Id, VersionStatus.Accessible);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await approved.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await AssertStatusAsync(version.Id, VersionStatus.InReview);
    }

    [Fact]
    public async Task A_move_without_a_reason_is_a_400_problem()
    {
        var version = await Steps.DraftAsync();

        var response = await team.PostJsonAsync($"/api/v1/versions/{version.Id}/transitions", new { to = "in-review", reason = "" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("reason"));
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_problem()
    {
        var version = await Steps.DraftAsync();

        var response = await team.PostJsonAsync($"/api/v1/versions/{version.Id}/transitions", new { to = "published", reason = "x" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task Content_past_draft_is_frozen_and_the_problem_says_to_create_a_new_draft()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", hours: 2);
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview);

        var add = await Steps.AddAsync(version.Id, new { anchor = "modul-2", kind = "module", title = "Nowy", markdown = "Tekst." });
        var edit = await Steps.PutSectionAsync(version.Id, "modul-1", new { title = "Zmieniony", markdown = "Tekst." }, etag);
        var delete = await team.DeleteAsync($"/api/v1/versions/{version.Id}/sections/modul-1");

        foreach (var refused in new[] { add, edit, delete })
        {
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
            Assert.Equal("version-frozen", problem.GetProperty("code").GetString());
            Assert.Contains("basedOnVersionId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await using var db = api.Db();
        Assert.Equal("Sekcja", (await db.Context.Set<TrainingApi.Features.Curriculum.Sections.Section>().SingleAsync(s => s.VersionId == version.Id)).Title);
    }

    private async Task AssertStatusAsync(Guid versionId, VersionStatus status)
    {
        await using var db = api.Db();
        Assert.Equal(status, (await db.Context.Set<ProgrammeVersion>().SingleAsync(v => v.Id == versionId)).Status);
    }
}
