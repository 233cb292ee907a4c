using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// One version of a programme ("0.9", "1.0" for consultation, "1.1" after it, "2.0" after the pilot): a tree of
/// sections. Only a draft can change; past draft its content is frozen.
/// </summary>
public sealed class ProgrammeVersion : IVersioned
{
    public const int LabelMaxLength = 20;
    public const int NotesMaxLength = 2000;

    private ProgrammeVersion() { }

    public ProgrammeVersion(Guid programmeId, string label, Guid? basedOnVersionId, string? notes, DateTimeOffset now, UpdateReason? updateReason = null)
    {
        UpdateReason = updateReason;
        Id = Guid.CreateVersion7(now);
        ProgrammeId = programmeId;
        Label = label;
        BasedOnVersionId = basedOnVersionId;
        Notes = notes;
        Status = VersionStatus.Draft;
        CreatedAt = now;
        StatusChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string Label { get; private set; } = "";
    public Guid? BasedOnVersionId { get; private set; }
    public string? Notes { get; private set; }
    public VersionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Set for a small update of a tested predecessor (the update path); null on the full path. Fixed when the draft is created.</summary>
    public UpdateReason? UpdateReason { get; private set; }

    /// <summary>The pilot (recruitment) whose completions and evaluations made this version tested, its own or its predecessor's.</summary>
    public Guid? EvidenceRecruitmentId { get; private set; }

    /// <summary>The version that pilot tested: this one on the full path, a predecessor (carried forward) on the update path.</summary>
    public Guid? EvidenceVersionId { get; private set; }

    public VersionPath Path => UpdateReason is null ? VersionPath.Full : VersionPath.Update;

    public bool IsDraft => Status == VersionStatus.Draft;

    /// <summary>Every change to content goes through here, so a frozen version can never be edited.</summary>
    public void EnsureEditable()
    {
        if (!IsDraft)
        {
            throw Problem.Conflict(new Text(
                $"Version {Label} is {StatusName(Status)} and its content is frozen. To change it, create a new draft from it: " +
                $"POST /api/v1/programmes/{ProgrammeId}/versions with basedOnVersionId {Id}.",
                $"Wersja {Label} ma status {StatusName(Status)} i jej treść jest zamrożona. Aby ją zmienić, utwórz z niej nową wersję roboczą: " +
                $"POST /api/v1/programmes/{ProgrammeId}/versions z basedOnVersionId {Id}."), "version-frozen");
        }
    }

    public void MoveTo(VersionStatus to, DateTimeOffset now)
    {
        Status = to;
        StatusChangedAt = now;
    }

    /// <summary>Only through <see cref="TestedEvidence"/>, which found the evidence first.</summary>
    public void MarkTested(Guid? evidenceRecruitmentId, Guid evidenceVersionId, DateTimeOffset now)
    {
        EvidenceRecruitmentId = evidenceRecruitmentId;
        EvidenceVersionId = evidenceVersionId;
        MoveTo(VersionStatus.Tested, now);
    }

    public static string StatusName(VersionStatus status) => Common.Http.QueryEnum.Name(status);
}
