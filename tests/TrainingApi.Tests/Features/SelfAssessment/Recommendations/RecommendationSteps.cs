using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.UseCases;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Features.MaterialsHandover;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Recommendations;

/// <summary>
/// Rounds written straight to the database (closed, with results computed as closing computes them), and published releases
/// whose sections the team tagged while their version was a draft.
/// </summary>
public sealed class RecommendationSteps(ApiFactory api)
{
    public HttpClient Team { get; } = api.ClientAs(Roles.ProgrammeTeam);

    /// <summary>
    /// A round of the JST closed with <paramref name="respondents"/> submissions, each answering every statement of an area with
    /// the area's score in <paramref name="areaScores"/> (null: n/a, so the area has no score), 4 for an area not named.
    /// </summary>
    public async Task<Guid> ClosedRoundAsync(string teryt, IReadOnlyDictionary<string, int?> areaScores, int respondents = 3)
    {
        var framework = MaturityFramework.Current;
        IReadOnlyDictionary<string, int?> answers = framework.Statements.ToDictionary(s => s.Id,
            s => areaScores.TryGetValue(framework.AreaOf(s.Id)!.Code, out var score) ? score : 4);
        var submissions = Enumerable.Range(0, respondents).Select(_ => (RespondentRole.SchoolHead, answers)).ToList();
        return await SaveAsync(teryt, round => round.Close(RoundResults.Compute(framework, submissions), "test", round.StartedAt));
    }

    public Task<Guid> OpenRoundAsync(string teryt) => SaveAsync(teryt, _ => { });

    private async Task<Guid> SaveAsync(string teryt, Action<AssessmentRound> then)
    {
        var now = TimeProvider.System.UtcNowForDatabase();
        var round = new AssessmentRound(JstRegister.Find(teryt)!, MaturityFramework.Current.Version, "Samoocena testowa", true, now.AddDays(14), "test", now);
        then(round);
        await api.Services.GetRequiredService<UseCaseRunner>().RunAsync(Actor.System, "TestRound", async (services, ct) =>
        {
            var db = services.GetRequiredService<TrainingDb>();
            db.Add(round);
            await db.SaveChangesAsync(ct);
        }, CancellationToken.None);
        return round.Id;
    }

    /// <summary>
    /// A tested version of a new programme: modul-1 with unit modul-1-1, the guideline wytyczne and the annex zalacznik, each tagged as
    /// <paramref name="tags"/> says while the version is a draft; tested on a completed pilot of it.
    /// </summary>
    public async Task<VersionView> TestedVersionAsync(IReadOnlyDictionary<string, string[]> tags)
    {
        var curriculum = new CurriculumSteps(Team);
        var version = await curriculum.DraftAsync();
        await curriculum.SectionAsync(version.Id, "modul-1", title: "Moduł 1. Zarządzanie cyfryzacją", markdown: "Moduł opisuje zadania JST. Samorząd planuje zakupy sprzętu.");
        await curriculum.SectionAsync(version.Id, "modul-1-1", kind: "unit", parent: "modul-1", title: "Jednostka 1.1", hours: 2,
            markdown: "Uczestnik poznaje dobre praktyki. Omawia je z grupą.");
        await curriculum.SectionAsync(version.Id, "wytyczne", kind: "advisory-guideline", title: "Wytyczne do doradztwa", markdown: "Doradca zaczyna od diagnozy.");
        await curriculum.SectionAsync(version.Id, "zalacznik", kind: "annex", title: "Załącznik. Słownik", markdown: "Słownik wyjaśnia pojęcia z programu.");
        await TagAllAsync(version.Id, tags);
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised,
            VersionStatus.InPilot);
        await PilotEvidenceSteps.CompletedPilotAsync(api, version.Id, ["modul-1"]);
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.Tested);
        return version;
    }

    /// <summary>An update (correction) of a tested version with the tags changed as <paramref name="tags"/> says, taken to tested.</summary>
    public async Task<VersionView> TestedUpdateAsync(VersionView from, string label, IReadOnlyDictionary<string, string[]> tags)
    {
        var update = await (await Team.PostJsonAsync($"/api/v1/programmes/{from.ProgrammeId}/versions",
                new { label, basedOnVersionId = from.Id, updateReason = "correction", notes = "Nowe przypisanie sekcji do obszarów dojrzałości." }))
            .ShouldBeAsync<VersionView>(HttpStatusCode.Created);
        await TagAllAsync(update.Id, tags);
        await new CurriculumSteps(Team).MoveAlongAsync(update.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.Tested);
        return update;
    }

    public async Task<Guid> PublishedReleaseAsync(Guid versionId, string semver)
    {
        var steps = new HandoverSteps(api);
        var release = await steps.DraftAsync(versionId, semver);
        await steps.PublishAsync(release.Id);
        return release.Id;
    }

    public async Task<SectionView> TagAsync(Guid versionId, string anchor, params string[] areas)
    {
        var response = await TagRequestAsync(Team, versionId, anchor, new { maturityAreas = areas }, EntityTagHeaderValue.Any);
        return await response.ShouldBeAsync<SectionView>(HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> TagRequestAsync(HttpClient client, Guid versionId, string anchor, object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/versions/{versionId}/sections/{anchor}/maturity-areas")
        {
            Content = HttpExtensions.JsonBody(System.Text.Json.JsonSerializer.Serialize(body, HttpExtensions.Json)),
        };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return client.SendAsync(request);
    }

    private async Task TagAllAsync(Guid versionId, IReadOnlyDictionary<string, string[]> tags)
    {
        foreach (var (anchor, areas) in tags)
        {
            await TagAsync(versionId, anchor, areas);
        }
    }
}
