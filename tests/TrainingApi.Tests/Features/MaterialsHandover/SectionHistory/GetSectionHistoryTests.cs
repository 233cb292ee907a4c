using System.Net;
using System.Text.Json;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Curriculum.Diff;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Features.MaterialsHandover.SectionHistory.GetSectionHistory;

namespace TrainingApi.Tests.Features.MaterialsHandover.SectionHistory;

/// <summary>One anchor walked through 1.0 → 1.1 (comment accepted and taken in) → 2.0 (piloted, evaluated) → 2.1 (legal update).</summary>
public sealed class GetSectionHistoryTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps consultation = new(api);
    private HttpClient Team => consultation.Team;

    [Fact]
    public async Task The_history_of_an_anchor_returns_each_fact_once_in_order_of_time()
    {
        var curriculum = new CurriculumSteps(Team);
        var act = await curriculum.ActAsync("Dz.U. 2024 poz. 777", "Ustawa o systemie oświaty (test historii)");
        var programme = await curriculum.ProgrammeAsync("Program z historią");
        var v10 = await curriculum.VersionAsync(programme.Id, "1.0");
        await curriculum.SectionAsync(v10.Id, "modul-1", title: "Strategia", hours: 4);
        await curriculum.SectionAsync(v10.Id, "modul-2", title: "Cyberbezpieczeństwo", hours: 6);
        await curriculum.SectionAsync(v10.Id, "modul-2-1", kind: "unit", parent: "modul-2", title: "Dane w szkołach", hours: 2,
            markdown: "Szkoły przetwarzają dane uczniów.", legalActs: [act.Citation]);
        await curriculum.MoveAlongAsync(v10.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        await TickAsync();

        var round = await consultation.OpenRoundAsync(v10.Id, days: 2);
        await TickAsync();
        var comment = (await consultation.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp,
            ConsultationSteps.Comment("modul-2-1", "Brakuje rodziców.", "Dodać: i rodziców."))).Comments[0];
        await TickAsync();
        (await consultation.DisposeAsync(comment.Id, "accepted", "Uwzględniono.")).EnsureSuccessStatusCode();
        await consultation.CloseAndPublishAsync(round);
        await TickAsync();

        var v11 = await curriculum.VersionAsync(programme.Id, "1.1", v10.Id);
        await RewriteAsync(curriculum, v11.Id, "Szkoły przetwarzają dane uczniów i rodziców.");
        await TakeInAsync(comment.Id, v11.Id);
        await TickAsync();
        await curriculum.MoveAlongAsync(v11.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        await TickAsync();

        var v20 = await curriculum.VersionAsync(programme.Id, "2.0", v11.Id);
        await curriculum.MoveAlongAsync(v20.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot);
        await TickAsync();
        var pilot = await PilotEvidenceSteps.CompletedPilotAsync(api, v20.Id, ["modul-1", "modul-2"], now: api.Clock.Now, teryts: ["0201011"],
            evaluations: [new { moduleAnchor = "modul-2", preScore = 40, postScore = 80, satisfaction = 5 }, new { moduleAnchor = "modul-2", preScore = 60, postScore = 70, satisfaction = 4 }]);
        await TickAsync();
        await curriculum.MoveAlongAsync(v20.Id, VersionStatus.Tested);
        var r200 = await PublishAsync(v20.Id, "2.0.0", "pilot-findings");
        await TickAsync();

        (await Team.PostJsonAsync($"/api/v1/legal-acts/{act.Id}/amendments", new { amendingCitation = "Dz.U. 2025 poz. 12", amendedOn = "2025-02-01" })).EnsureSuccessStatusCode();
        await TickAsync();
        var v21 = await (await Team.PostJsonAsync($"/api/v1/programmes/{programme.Id}/versions", new
        {
            label = "2.1", basedOnVersionId = v20.Id, updateReason = "change-in-law", notes = "Nowelizacja: dane rodziców tylko za zgodą.",
        })).ShouldBeAsync<VersionView>(HttpStatusCode.Created);
        await RewriteAsync(curriculum, v21.Id, "Szkoły przetwarzają dane uczniów i, za zgodą, rodziców.");
        await TickAsync();
        await curriculum.MoveAlongAsync(v21.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.Tested);
        await TickAsync();
        var r210 = await PublishAsync(v21.Id, "2.1.0", "change-in-law");

        var history = await (await api.CreateClient().GetAsync($"/api/v1/programmes/{programme.Id}/sections/modul-2-1/history"))
            .ShouldBeAsync<SectionHistoryView>(HttpStatusCode.OK);

        Assert.Equal(
        [
            (HistoryEntryKind.VersionText, "1.0"), (HistoryEntryKind.Comment, "1.0"), (HistoryEntryKind.VersionText, "1.1"),
            (HistoryEntryKind.VersionText, "2.0"), (HistoryEntryKind.PilotEvaluation, "2.0"), (HistoryEntryKind.Release, "2.0"),
            (HistoryEntryKind.LegalActAmended, null), (HistoryEntryKind.VersionText, "2.1"), (HistoryEntryKind.Release, "2.1"),
        ], history.Entries.Select(e => (e.Kind, e.VersionLabel)));
        Assert.Equal(history.Entries.OrderBy(e => e.At).Select(e => e.At), history.Entries.Select(e => e.At));
        Assert.Equal("modul-2", history.ModuleAnchor);
        var texts = history.Entries.Where(e => e.Kind == HistoryEntryKind.VersionText).Select(e => e.Text!).ToList();
        Assert.Equal([true, true, false, true], texts.Select(t => t.Changed));
        Assert.Null(texts[0].DiffFromPrevious);
        Assert.Contains(texts[1].DiffFromPrevious!, r => r.Op == DiffOperation.Insert && r.Text.Contains("rodziców", StringComparison.Ordinal));
        Assert.Null(texts[2].DiffFromPrevious);
        Assert.Equal("2.0", texts[3].PreviousLabel);
        Assert.All(texts, t => Assert.Equal([act.Citation], t.LegalActs.Select(a => a.Citation)));
        var taken = history.Entries.Single(e => e.Kind == HistoryEntryKind.Comment).Comment!;
        Assert.Equal((comment.Id, Disposition.Accepted, "1.1"), (taken.CommentId, taken.Disposition!.Value, taken.TakenIntoVersionLabel));
        var evaluation = history.Entries.Single(e => e.Kind == HistoryEntryKind.PilotEvaluation).Evaluation!;
        Assert.Equal((pilot.RecruitmentId, 2, 50.0, 75.0, 25.0, 4.5), (evaluation.RecruitmentId, evaluation.Responses, evaluation.MeanPre!.Value,
            evaluation.MeanPost!.Value, evaluation.MeanChange!.Value, evaluation.MeanSatisfaction!.Value));
        Assert.Equal("Dz.U. 2025 poz. 12", history.Entries.Single(e => e.Kind == HistoryEntryKind.LegalActAmended).Amendment!.AmendingCitation);
        var releases = history.Entries.Where(e => e.Kind == HistoryEntryKind.Release).Select(e => e.Release!).ToList();
        Assert.Equal([(r200.Id, ReleaseStatus.Superseded, (string?)null), (r210.Id, ReleaseStatus.Published, "2.0")],
            releases.Select(r => (r.ReleaseId, r.Status, r.EvidenceCarriedFrom)));
    }

    [Fact]
    public async Task A_version_comes_after_the_one_it_was_made_from_even_when_that_draft_was_edited_and_superseded_later()
    {
        var curriculum = new CurriculumSteps(Team);
        var programme = await curriculum.ProgrammeAsync("Program z linią wersji");
        var v09 = await curriculum.VersionAsync(programme.Id, "0.9");
        await curriculum.SectionAsync(v09.Id, "modul-1", title: "Strategia", markdown: "Szkoła ma plan cyfryzacji.");
        await TickAsync();
        var v10 = await curriculum.VersionAsync(programme.Id, "1.0", v09.Id);
        await RewriteModuleAsync(curriculum, v10.Id, "Szkoła i gmina mają plan cyfryzacji.");
        await TickAsync();
        await curriculum.MoveAlongAsync(v10.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        await TickAsync();
        // 0.9 never leaves draft: edited after 1.0 went on, then set aside.
        await RewriteModuleAsync(curriculum, v09.Id, "Szkoła ma plan cyfryzacji na trzy lata.");
        await TickAsync();
        await curriculum.MoveAlongAsync(v09.Id, VersionStatus.Superseded);
        await TickAsync();
        var v11 = await curriculum.VersionAsync(programme.Id, "1.1", v10.Id);
        await RewriteModuleAsync(curriculum, v11.Id, "Szkoła i gmina mają wspólny plan cyfryzacji.");
        await TickAsync();
        await curriculum.MoveAlongAsync(v11.Id, VersionStatus.InReview);

        var history = await (await Team.GetAsync($"/api/v1/programmes/{programme.Id}/sections/modul-1/history")).ShouldBeAsync<SectionHistoryView>(HttpStatusCode.OK);

        var texts = history.Entries.Where(e => e.Kind == HistoryEntryKind.VersionText).Select(e => e.Text!).ToList();
        Assert.Equal([("0.9", (string?)null), ("1.0", "0.9"), ("1.1", "1.0")], texts.Select(t => (t.Label, t.PreviousLabel)));
        Assert.Equal("Szkoła ma plan cyfryzacji na trzy lata.", texts[0].Markdown);
    }

    [Fact]
    public async Task The_public_sees_no_draft_and_an_unknown_anchor_or_programme_is_a_404()
    {
        var curriculum = new CurriculumSteps(Team);
        var draft = await curriculum.DraftAsync();
        await curriculum.SectionAsync(draft.Id, "modul-1");

        var asTeam = await Team.GetAsync($"/api/v1/programmes/{draft.ProgrammeId}/sections/modul-1/history");
        var asPublic = await api.CreateClient().GetAsync($"/api/v1/programmes/{draft.ProgrammeId}/sections/modul-1/history");
        var noAnchor = await Team.GetAsync($"/api/v1/programmes/{draft.ProgrammeId}/sections/modul-9/history");
        var noProgramme = await Team.GetAsync($"/api/v1/programmes/{Guid.NewGuid()}/sections/modul-1/history");
        var badAnchor = await Team.GetAsync($"/api/v1/programmes/{draft.ProgrammeId}/sections/Modul_1/history");

        Assert.Single((await asTeam.ShouldBeAsync<SectionHistoryView>(HttpStatusCode.OK)).Entries);
        Assert.Equal("section-not-found", (await asPublic.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found")).GetProperty("code").GetString());
        await noAnchor.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await noProgramme.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await badAnchor.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    private async Task TickAsync()
    {
        api.Clock.Now = api.Clock.Now.AddMinutes(5);
        await Task.CompletedTask;
    }

    private static async Task RewriteAsync(CurriculumSteps curriculum, Guid versionId, string markdown)
    {
        var (section, etag) = await curriculum.ReadSectionAsync(versionId, "modul-2-1");
        (await curriculum.PutSectionAsync(versionId, "modul-2-1", new
        {
            title = section.Title, markdown, parentAnchor = "modul-2", hours = section.Hours, legalActs = section.LegalActs,
        }, etag)).EnsureSuccessStatusCode();
    }

    private static async Task RewriteModuleAsync(CurriculumSteps curriculum, Guid versionId, string markdown)
    {
        var (section, etag) = await curriculum.ReadSectionAsync(versionId, "modul-1");
        (await curriculum.PutSectionAsync(versionId, "modul-1", new { title = section.Title, markdown, hours = section.Hours }, etag)).EnsureSuccessStatusCode();
    }

    private async Task TakeInAsync(Guid commentId, Guid versionId)
    {
        var (_, etag) = await consultation.ReadCommentAsync(commentId);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-comments/{commentId}/taken-into")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new { versionId }, HttpExtensions.Json)),
        };
        request.Headers.IfMatch.Add(etag);
        (await consultation.Expert.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private async Task<ReleaseView> PublishAsync(Guid versionId, string semver, string reason)
    {
        var draft = await (await Team.PostJsonAsync("/api/v1/releases", new
        {
            versionId, semanticVersion = semver, title = "Program", reasons = new[] { reason }, notes = "Wydanie testowe.",
        })).ShouldBeAsync<ReleaseView>(HttpStatusCode.Created);
        return await (await Team.PostAsync($"/api/v1/releases/{draft.Id}/publication", null)).ShouldBeAsync<ReleaseView>(HttpStatusCode.OK);
    }
}
