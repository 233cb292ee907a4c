using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover;

/// <summary>The calls release tests make: a tested programme version, releases built and published, over HTTP.</summary>
public sealed class HandoverSteps(ApiFactory api)
{
    public HttpClient Team { get; } = api.ClientAs(Roles.ProgrammeTeam);

    public ApiFactory Api => api;

    /// <summary>
    /// A programme whose version went all the way to tested on the full path, on the evidence of a completed pilot of it:
    /// two modules with units, a guideline, a cited act.
    /// </summary>
    public async Task<(VersionView Version, Guid LegalActId, string Citation)> TestedVersionAsync(int modules = 2, int units = 2)
    {
        var (version, actId, citation, _) = await PilotedVersionAsync(modules, units);
        return (version, actId, citation);
    }

    /// <summary>As <see cref="TestedVersionAsync"/>, with the pilot that tested it.</summary>
    public async Task<(VersionView Version, Guid LegalActId, string Citation, Guid PilotRecruitmentId)> PilotedVersionAsync(int modules = 2, int units = 2)
    {
        var curriculum = new CurriculumSteps(Team);
        // Acts are unique in the register and a test class shares one database: a new position each time.
        var act = await curriculum.ActAsync($"Dz.U. 2023 poz. {Interlocked.Increment(ref position)}");
        var version = await curriculum.DraftAsync();
        for (var m = 1; m <= modules; m++)
        {
            await curriculum.SectionAsync(version.Id, $"modul-{m}", title: $"Moduł {m}: zarządzanie cyfryzacją",
                markdown: $"Moduł {m} opisuje zadania JST. Samorząd planuje zakupy sprzętu dla szkół.", legalActs: m == 1 ? [act.Citation] : null);
            for (var u = 1; u <= units; u++)
            {
                await curriculum.SectionAsync(version.Id, $"modul-{m}-{u}", kind: "unit", parent: $"modul-{m}", title: $"Jednostka {m}.{u}", hours: 2,
                    markdown: $"Jednostka {m}.{u}. Uczestnik poznaje dobre praktyki. ![Schemat sieci szkolnej](https://www.ore.edu.pl/schemat.png)");
            }
        }

        await curriculum.SectionAsync(version.Id, "wytyczne", kind: "advisory-guideline", title: "Wytyczne do doradztwa", markdown: "Doradca zaczyna od diagnozy.");
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised,
            VersionStatus.InPilot);
        var pilot = await PilotEvidenceSteps.CompletedPilotAsync(api, version.Id, [.. Enumerable.Range(1, modules).Select(m => $"modul-{m}")]);
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.Tested);
        return (version, act.Id, act.Citation, pilot.RecruitmentId);
    }

    private static int position = 1000;

    public Task<HttpResponseMessage> CreateAsync(Guid versionId, string semver = "1.0.0", string? reasons = "initial", Guid? pilot = null) =>
        Team.PostJsonAsync("/api/v1/releases", new
        {
            versionId, semanticVersion = semver, title = "Program i wytyczne po pilotażu", reasons = reasons is null ? null : new[] { reasons },
            notes = "Zmiany po pilotażu w 50 JST.", pilotRecruitmentId = pilot,
        });

    public async Task<ReleaseView> DraftAsync(Guid versionId, string semver = "1.0.0") =>
        await (await CreateAsync(versionId, semver)).ShouldBeAsync<ReleaseView>(HttpStatusCode.Created);

    public async Task<ReleaseView> PublishAsync(Guid releaseId) =>
        await (await Team.PostAsync($"/api/v1/releases/{releaseId}/publication", null)).ShouldBeAsync<ReleaseView>(HttpStatusCode.OK);
}
