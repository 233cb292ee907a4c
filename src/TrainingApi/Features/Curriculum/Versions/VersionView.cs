namespace TrainingApi.Features.Curriculum.Versions;

public sealed record OutcomeCounts(int Knowledge, int Skills, int SocialCompetences);

public sealed record ModuleTotals(string Anchor, string Title, decimal Hours, int Units, OutcomeCounts Outcomes);

/// <summary>Totals the API computes: didactic hours per module (its own and its units') and per version, outcomes per module.</summary>
public sealed record VersionTotals(decimal Hours, int Sections, IReadOnlyList<ModuleTotals> Modules)
{
    /// <summary>When the content last changed: with the count and the version's own row, what its ETag is made of.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? LastChange { get; init; }
}

/// <param name="Carried">True when the pilot tested a predecessor and the evidence was carried forward on the update path.</param>
/// <param name="PilotRecruitmentId">The pilot whose completions and evaluations are the evidence; null for a version tested before pilots named versions.</param>
/// <param name="TestedVersionId">The version that pilot tested.</param>
public sealed record VersionEvidenceView(bool Carried, Guid? PilotRecruitmentId, Guid TestedVersionId);

/// <param name="Path">`full` (consultation and a pilot of the version) or `update` (a small change of a tested predecessor).</param>
/// <param name="UpdateReason">On the update path: change-in-law, change-in-technology or correction; the notes say more.</param>
/// <param name="Evidence">What `tested` rests on; null until the version is tested.</param>
/// <param name="PredecessorDiffUrl">On the update path: the diff against the predecessor it updates.</param>
public sealed record VersionView(
    Guid Id, Guid ProgrammeId, string Label, VersionStatus Status, IReadOnlyList<VersionStatus> NextStatuses, Guid? BasedOnVersionId,
    string? Notes, DateTimeOffset CreatedAt, DateTimeOffset StatusChangedAt, VersionTotals Totals, VersionPath Path, UpdateReason? UpdateReason,
    VersionEvidenceView? Evidence, string? PredecessorDiffUrl)
{
    public static VersionView From(ProgrammeVersion v, VersionTotals totals) => new(
        v.Id, v.ProgrammeId, v.Label, v.Status, VersionWorkflow.NextFrom(v.Status, v.Path), v.BasedOnVersionId, v.Notes, v.CreatedAt, v.StatusChangedAt, totals,
        v.Path, v.UpdateReason, v.EvidenceVersionId is { } tested ? new VersionEvidenceView(tested != v.Id, v.EvidenceRecruitmentId, tested) : null,
        v.Path == VersionPath.Update ? $"/api/v1/programmes/{v.ProgrammeId}/diff?from={v.BasedOnVersionId}&to={v.Id}" : null);

    public static readonly VersionView Example = new(
        Guid.Parse("01936b2f-1000-7000-8000-000000000010"), ProgrammeView.Example.Id, "1.0", VersionStatus.InConsultation,
        [VersionStatus.Revised, VersionStatus.Superseded], Guid.Parse("01936b2f-1000-7000-8000-000000000009"),
        "Wersja do konsultacji ze związkami JST.", new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 3, 11, 9, 0, 0, TimeSpan.Zero),
        new VersionTotals(48, 17, [new ModuleTotals("modul-1", "Strategia cyfryzacji szkół w JST", 10, 3, new OutcomeCounts(3, 3, 2))]),
        VersionPath.Full, null, null, null);
}

public sealed record TransitionView(Guid Id, VersionStatus From, VersionStatus To, string Reason, string Actor, DateTimeOffset At)
{
    public static TransitionView Of(VersionTransition t) => new(t.Id, t.From, t.To, t.Reason, t.Actor, t.At);

    public static readonly TransitionView Example = new(Guid.Parse("01936b2f-2000-7000-8000-000000000011"), VersionStatus.Accessible,
        VersionStatus.InConsultation, "Konsultacje ze związkami JST od 11 marca do 5 kwietnia 2024 r.", "anna.kowalska",
        new DateTimeOffset(2024, 3, 11, 9, 0, 0, TimeSpan.Zero));
}
