using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.Curriculum.Assets;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Accessibility;

/// <summary>
/// CheckVersionAccessibility and WaiveAccessibilityFinding: errors block `accessible` until fixed or waived with a reason; references
/// to assets are judged against the version's uploaded assets.
/// </summary>
public sealed class VersionAccessibilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam, subject: "anna.kowalska");
    private CurriculumSteps Steps => new(team);

    [Fact]
    public async Task Errors_block_accessible_until_the_team_waives_them_with_a_reason()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", markdown: "Wyniki ankiety pokazuje wykres.\n\n![](https://www.ore.edu.pl/wykres.png)");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1", markdown: "Więcej w [kliknij tutaj](https://www.ore.edu.pl).");
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview);

        var report = await (await team.GetAsync($"/api/v1/versions/{version.Id}/accessibility")).ShouldBeAsync<VersionAccessibilityReport>(HttpStatusCode.OK);
        Assert.Equal(2, report.Summary.BlockingErrors);
        var image = report.Findings.Single(f => f.Rule == "image-alt-missing");
        Assert.Equal(("modul-1", "1.1.1", 3), (image.Anchor, image.Criterion, image.Line));
        var link = report.Findings.Single(f => f.Rule == "link-text-meaningless");
        Assert.Equal(("modul-1-1", "2.4.4"), (link.Anchor, link.Criterion));

        var blocked = await Steps.MoveAsync(version.Id, VersionStatus.Accessible);
        var problem = await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("accessibility-errors", problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("blockingFindings").GetArrayLength());

        foreach (var finding in new[] { image, link })
        {
            (await team.PostJsonAsync($"/api/v1/versions/{version.Id}/accessibility/waivers", new { findingId = finding.Id, reason = "Poprawione w wersji 1.1; ta wersja trafia tylko do recenzji." }))
                .EnsureSuccessStatusCode();
        }

        var after = await (await team.GetAsync($"/api/v1/versions/{version.Id}/accessibility")).ShouldBeAsync<VersionAccessibilityReport>(HttpStatusCode.OK);
        Assert.Equal((0, 2), (after.Summary.BlockingErrors, after.Summary.Waived));
        Assert.All(after.Findings.Where(f => f.Severity == FindingSeverity.Error), f => Assert.Equal("anna.kowalska", f.Waiver!.WaivedBy));
        Assert.Equal(HttpStatusCode.OK, (await Steps.MoveAsync(version.Id, VersionStatus.Accessible)).StatusCode);
    }

    [Fact]
    public async Task References_to_assets_are_judged_against_the_versions_uploaded_images_and_attachments()
    {
        var version = await Steps.DraftAsync();
        var image = await UploadAsync(team, version.Id, "schemat-sieci.png", SampleImages.Png(640, 480));
        var pdf = await UploadAsync(team, version.Id, "regulamin-naboru.pdf", SampleImages.Pdf());
        var size = AttachmentSize.Polish(pdf.Size);
        var correct = $"Sieć w szkole:\n\n![Schemat sieci szkolnej: router i trzy przełączniki](assets/{image.Name})\n\nZasady opisuje [Regulamin naboru (PDF, {size})](assets/{pdf.Name}).";
        await Steps.SectionAsync(version.Id, "poprawny", markdown: correct);
        await Steps.SectionAsync(version.Id, "brak-zasobu", markdown: "Plan pracowni:\n\n![Plan pracowni z 24 stanowiskami](assets/plan-pracowni.png)");
        await Steps.SectionAsync(version.Id, "bez-rozmiaru", markdown: $"Przeczytaj [Regulamin naboru](assets/{pdf.Name}).");
        await Steps.SectionAsync(version.Id, "pdf-jako-obraz", markdown: $"Dokument naboru:\n\n![Regulamin naboru szkoleń](assets/{pdf.Name})");

        var report = await (await team.GetAsync($"/api/v1/versions/{version.Id}/accessibility")).ShouldBeAsync<VersionAccessibilityReport>(HttpStatusCode.OK);

        Assert.Equal(["bez-rozmiaru:attachment-link-undescribed:1:12", "brak-zasobu:asset-missing:3:1", "pdf-jako-obraz:asset-kind-mismatch:3:1"],
            report.Findings.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.All(report.Findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
        var missing = report.Findings.Single(f => f.Rule == "asset-missing");
        Assert.Equal("1.1.1", missing.Criterion);
        Assert.Contains("„plan-pracowni.png”", missing.MessagePl, StringComparison.Ordinal);
        Assert.Contains("PUT /api/v1/versions/{versionId}/assets/plan-pracowni.png", missing.MessageEn, StringComparison.Ordinal);
        var undescribed = report.Findings.Single(f => f.Rule == "attachment-link-undescribed");
        Assert.Equal(("2.4.4", "Regulamin naboru"), (undescribed.Criterion, undescribed.Excerpt));
        Assert.Contains($"[Regulamin naboru (PDF, {size})](assets/regulamin-naboru.pdf)", undescribed.MessagePl, StringComparison.Ordinal);
        Assert.Equal("1.1.1", report.Findings.Single(f => f.Rule == "asset-kind-mismatch").Criterion);

        // Before it is saved the text belongs to no version: references to assets are not judged there.
        var unsaved = await (await team.PostJsonAsync("/api/v1/accessibility-checks", new { markdown = $"Przeczytaj [Regulamin naboru](assets/{pdf.Name}).\n\n![Plan pracowni z 24 stanowiskami](assets/plan-pracowni.png)" }))
            .ShouldBeAsync<CheckMarkdown.Result>(HttpStatusCode.OK);
        Assert.Empty(unsaved.Findings);
    }

    [Fact]
    public async Task A_clean_version_becomes_accessible_without_waivers()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", markdown: "JST planuje cyfryzację szkół. Opis w [programie Aktywna tablica](https://www.gov.pl/web/edukacja).");

        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible);
    }

    [Fact]
    public async Task Waiving_needs_a_reason_a_real_finding_the_team_role_and_a_version_past_draft()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", markdown: "![](wykres.png)");
        var findingId = (await (await team.GetAsync($"/api/v1/versions/{version.Id}/accessibility")).ShouldBeAsync<VersionAccessibilityReport>(HttpStatusCode.OK)).Findings[0].Id;

        var inDraft = await team.PostJsonAsync($"/api/v1/versions/{version.Id}/accessibility/waivers", new { findingId, reason = "Uzasadnienie wystarczająco długie." });
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview);
        var noReason = await team.PostJsonAsync($"/api/v1/versions/{version.Id}/accessibility/waivers", new { findingId, reason = "" });
        var unknown = await team.PostJsonAsync($"/api/v1/versions/{version.Id}/accessibility/waivers", new { findingId = "modul-1:nie-ma:1:1", reason = "Uzasadnienie wystarczająco długie." });
        var byExpert = await api.ClientAs(Roles.Expert).PostJsonAsync($"/api/v1/versions/{version.Id}/accessibility/waivers", new { findingId, reason = "Uzasadnienie wystarczająco długie." });

        await inDraft.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await byExpert.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var report = await (await team.GetAsync($"/api/v1/versions/{version.Id}/accessibility")).ShouldBeAsync<VersionAccessibilityReport>(HttpStatusCode.OK);
        Assert.Equal(0, report.Summary.Waived);
    }

    // The upload as a client makes it: PUT with the file as the body.
    private static async Task<AssetView> UploadAsync(HttpClient client, Guid versionId, string name, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return await (await client.PutAsync($"/api/v1/versions/{versionId}/assets/{name}", content)).ShouldBeAsync<AssetView>(HttpStatusCode.Created);
    }
}
