using Mediator;
using TrainingApi.Features.Advisory.Reports;
using TrainingApi.Features.Consultations.Report;
using TrainingApi.Features.Curriculum.Diff;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Pilot;

namespace TrainingApi.Features.MaterialsHandover.Releases;

/// <summary>
/// Gathers what a release holds from the other slices, through their public queries only: the version's content and
/// accessibility check (Curriculum), the published consultation reports (Consultations), the pilot's evaluation summary
/// (PilotEnrollment) and advisory outcomes (Advisory).
/// </summary>
public sealed class ReleaseSnapshot(IMediator mediator, ConsultationOutcomes consultations, IConfiguration configuration)
{
    public async Task<ReleaseDocument> TakeAsync(Guid releaseId, VersionContent version, string semanticVersion, string title, IReadOnlyList<string> reasons,
        string notes, string licence, string language, Guid? pilotRecruitmentId, DateTimeOffset builtAt, CancellationToken ct)
    {
        var consultation = await consultations.ForProgrammeAsync(version.ProgrammeId, ct);
        GetEvaluationSummary.Summary? evaluation = null;
        PilotAdvisoryReport? advisory = null;
        if (pilotRecruitmentId is { } recruitmentId)
        {
            evaluation = await mediator.Send(new GetEvaluationSummary.Query(recruitmentId), ct);
            advisory = await mediator.Send(new GetPilotAdvisoryReport.Query(recruitmentId), ct);
        }

        return new ReleaseDocument(ReleaseDocument.SchemaId, releaseId, semanticVersion, title, reasons, notes, licence, language, builtAt,
            new ReleaseProgramme(version.ProgrammeId, version.ProgrammeTitle, version.ProgrammeSummary, version.VersionId, version.Label),
            ReleaseAccessibilityStatement.For(version, builtAt, configuration[ReleaseAccessibilityStatement.ContactKey]),
            version.Sections, version.CitedActs, consultation, evaluation, advisory, await EvidenceAsync(version, pilotRecruitmentId, ct), version.Assets);
    }

    private async Task<ReleaseEvidence> EvidenceAsync(VersionContent version, Guid? pilotRecruitmentId, CancellationToken ct)
    {
        var lineage = version.Lineage;
        var changes = lineage.PredecessorId is { } predecessor
            ? (await mediator.Send(new DiffVersions.Query(version.ProgrammeId, predecessor, version.VersionId), ct)).Sections
            : [];
        return new ReleaseEvidence(Common.Http.QueryEnum.Name(lineage.Path), lineage.UpdateReason is { } reason ? Common.Http.QueryEnum.Name(reason) : null,
            lineage.Notes, lineage.PredecessorLabel, pilotRecruitmentId, lineage.TestedVersionLabel, lineage.Carried, changes);
    }
}
