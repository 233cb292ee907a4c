using System.Net;
using System.Text.Json;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Releases;

/// <summary>CreateRelease takes the pilot evidence from the version's chain: its own pilot, or a tested predecessor's, marked as carried.</summary>
public sealed class ReleaseEvidenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task A_release_of_a_full_path_version_carries_its_own_pilot_without_being_told()
    {
        var (version, _, _, pilot) = await steps.PilotedVersionAsync();

        var release = await steps.DraftAsync(version.Id);

        Assert.Equal(pilot, release.PilotRecruitmentId);
        Assert.Null(release.EvidenceCarriedFrom);
        var document = await DocumentAsync(release.Id);
        Assert.Equal(pilot.ToString(), document.GetProperty("pilotEvaluation").GetProperty("recruitmentId").GetString());
        Assert.False(document.GetProperty("evidence").GetProperty("carried").GetBoolean());
        Assert.Equal("full", document.GetProperty("evidence").GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_release_of_an_update_path_version_carries_the_predecessors_pilot_marked_as_carried_with_the_reason_and_the_diff()
    {
        var (version, _, _, pilot) = await steps.PilotedVersionAsync();
        var curriculum = new CurriculumSteps(steps.Team);
        var update = await (await steps.Team.PostJsonAsync($"/api/v1/programmes/{version.ProgrammeId}/versions", new
        {
            label = "2.1", basedOnVersionId = version.Id, updateReason = "change-in-law", notes = "Nowelizacja ustawy: nowe terminy sprawozdań.",
        })).ShouldBeAsync<VersionView>(HttpStatusCode.Created);
        var (section, etag) = await curriculum.ReadSectionAsync(update.Id, "modul-1-1");
        (await curriculum.PutSectionAsync(update.Id, "modul-1-1", new
        {
            title = section.Title, parentAnchor = "modul-1", hours = section.Hours,
            markdown = "Jednostka 1.1. Uczestnik poznaje nowe terminy sprawozdań. ![Schemat sieci szkolnej](https://www.ore.edu.pl/schemat.png)",
        }, etag)).EnsureSuccessStatusCode();
        await curriculum.MoveAlongAsync(update.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.Tested);

        var release = await (await steps.CreateAsync(update.Id, "2.1.0", "change-in-law")).ShouldBeAsync<ReleaseView>(HttpStatusCode.Created);

        Assert.Equal((pilot, "0.9", "change-in-law"), (release.PilotRecruitmentId, release.EvidenceCarriedFrom, release.UpdateReason));
        var document = await DocumentAsync(release.Id);
        var evidence = document.GetProperty("evidence");
        Assert.True(evidence.GetProperty("carried").GetBoolean());
        Assert.Equal(("update", "change-in-law", "0.9", "0.9"), (evidence.GetProperty("path").GetString(), evidence.GetProperty("updateReason").GetString(),
            evidence.GetProperty("testedVersionLabel").GetString(), evidence.GetProperty("predecessorVersionLabel").GetString()));
        Assert.Equal("Nowelizacja ustawy: nowe terminy sprawozdań.", evidence.GetProperty("versionNotes").GetString());
        var change = Assert.Single(evidence.GetProperty("changesFromPredecessor").EnumerateArray());
        Assert.Equal("modul-1-1", change.GetProperty("anchor").GetString());
        Assert.Contains(change.GetProperty("textDiff").EnumerateArray(), run => run.GetProperty("text").GetString()!.Contains("terminy", StringComparison.Ordinal));
        // The predecessor's pilot evaluation and advisory outcomes are in the release.
        Assert.Equal(pilot.ToString(), document.GetProperty("pilotEvaluation").GetProperty("recruitmentId").GetString());
        Assert.Equal(2, document.GetProperty("pilotEvaluation").GetProperty("modules").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, document.GetProperty("advisoryOutcomes").ValueKind);
    }

    [Fact]
    public async Task Naming_another_pilot_than_the_versions_is_a_422_and_builds_nothing()
    {
        var (version, _, _, _) = await steps.PilotedVersionAsync();
        var (_, _, _, otherPilot) = await steps.PilotedVersionAsync();

        var response = await steps.CreateAsync(version.Id, pilot: otherPilot);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("pilot-not-of-version", problem.GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.DoesNotContain(db.Context.Set<Release>(), r => r.VersionId == version.Id);
    }

    private async Task<JsonElement> DocumentAsync(Guid releaseId) =>
        JsonDocument.Parse(await (await steps.Team.GetAsync($"/api/v1/releases/{releaseId}/files/json")).Content.ReadAsStringAsync()).RootElement;
}
