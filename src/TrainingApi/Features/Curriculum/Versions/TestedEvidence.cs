using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>What a version rests on when it becomes tested: the pilot that tested it, and the version that pilot tested.</summary>
public sealed record Evidence(Guid? RecruitmentId, Guid VersionId);

/// <summary>
/// `tested` always rests on evidence (docs/curriculum.md): on the full path a completed pilot of the version itself (asked through
/// <see cref="IVersionPilots"/>, which the enrollment slice answers: JST that completed and evaluations recorded); on the update path a predecessor that was tested,
/// whose evidence is carried forward.
/// </summary>
public sealed class TestedEvidence(TrainingDb db, IVersionPilots pilots)
{
    /// <param name="PredecessorId">The version the update path starts from, which was not tested.</param>
    public sealed record PredecessorNotTestedMembers(Guid PredecessorId);

    /// <param name="Pilots">The pilots (recruitments) of the version, none with completions and evaluations recorded.</param>
    public sealed record NoPilotEvidenceMembers(IReadOnlyList<PilotOfVersion> Pilots);

    public static readonly ProblemShape<PredecessorNotTestedMembers> PredecessorNotTested = new("predecessor-not-tested");
    public static readonly ProblemShape<NoPilotEvidenceMembers> NoPilotEvidence = new("no-pilot-evidence");

    public async Task<Evidence> RequireAsync(ProgrammeVersion version, CancellationToken ct)
    {
        if (version.Path == VersionPath.Update)
        {
            var predecessor = await db.Set<ProgrammeVersion>().AsNoTracking().FirstAsync(v => v.Id == version.BasedOnVersionId, ct);
            if (!await WasTestedAsync(predecessor, ct))
            {
                throw PredecessorNotTested.Refuse(ProblemKind.Conflict, new Text(
                    $"Version {version.Label} is an update of {predecessor.Label}, which was never tested: the update path carries a tested predecessor's evidence.",
                    $"Wersja {version.Label} aktualizuje wersję {predecessor.Label}, która nie została przetestowana: ścieżka aktualizacji przenosi dowody przetestowanej poprzedniczki."),
                    new(predecessor.Id));
            }

            return new Evidence(predecessor.EvidenceRecruitmentId, predecessor.EvidenceVersionId ?? predecessor.Id);
        }

        var found = await pilots.ForVersionAsync(version.Id, ct);
        if (found.FirstOrDefault(p => p.IsComplete) is not { } pilot)
        {
            var seen = found.Count == 0 ? "No pilot (recruitment) names it." : "Its pilots: " +
                string.Join("; ", found.Select(p => $"{p.Title} — completed JST {p.CompletedJst}, evaluations {p.Evaluations}")) + ".";
            var seenPl = found.Count == 0 ? "Żaden pilotaż (nabór) jej nie wskazuje." : "Jej pilotaże: " +
                string.Join("; ", found.Select(p => $"{p.Title} — JST, które ukończyły: {p.CompletedJst}, ewaluacji: {p.Evaluations}")) + ".";
            throw NoPilotEvidence.Refuse(ProblemKind.Conflict, new Text(
                $"Version {version.Label} cannot be tested without evidence: a pilot of this version with completions and evaluations recorded. {seen}",
                $"Wersja {version.Label} nie może zostać przetestowana bez dowodów: pilotażu tej wersji z odnotowanym ukończeniem i ewaluacjami. {seenPl}"),
                new(found));
        }

        return new Evidence(pilot.RecruitmentId, version.Id);
    }

    /// <summary>Tested now, or tested before it was superseded.</summary>
    public async Task<bool> WasTestedAsync(ProgrammeVersion version, CancellationToken ct) =>
        version.Status == VersionStatus.Tested
        || (version.Status == VersionStatus.Superseded
            && (version.EvidenceVersionId is not null || await db.Set<VersionTransition>().AnyAsync(t => t.VersionId == version.Id && t.To == VersionStatus.Tested, ct)));
}
