namespace TrainingApi.Features.MaterialsHandover.Releases;

public sealed record ReleaseFileView(string Format, string FileName, string MediaType, long Size, string Sha256, string Url);

/// <param name="PilotRecruitmentId">The pilot whose evaluation and advisory outcomes the release carries.</param>
/// <param name="EvidenceCarriedFrom">When that pilot tested a predecessor (update path): the predecessor's label; null when the evidence is the version's own.</param>
/// <param name="UpdateReason">Why the version took the update path (change-in-law, change-in-technology, correction); null on the full path.</param>
public sealed record ReleaseView(
    Guid Id, Guid ProgrammeId, Guid VersionId, string VersionLabel, string SemanticVersion, string Title, IReadOnlyList<string> Reasons, string Notes,
    string Licence, string Language, Guid? PilotRecruitmentId, ReleaseStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    Guid? SupersededById, IReadOnlyList<ReleaseFileView> Files, string? EvidenceCarriedFrom = null, string? UpdateReason = null)
{
    public static ReleaseView From(Release r, IEnumerable<ReleaseFileView> files) => new(
        r.Id, r.ProgrammeId, r.VersionId, r.VersionLabel, r.SemanticVersion, r.Title, r.Reasons, r.Notes, r.Licence, r.Language, r.PilotRecruitmentId,
        r.Status, r.CreatedAt, r.PublishedAt, r.SupersededById, [.. files], r.EvidenceCarriedFrom, r.UpdateReason);

    public static readonly ReleaseView Example = new(
        Guid.Parse("01936b30-4000-7000-8000-000000000001"), Guid.Parse("01936b30-0000-7000-8000-000000000001"), Guid.Parse("01936b30-0000-7000-8000-000000000004"),
        "2.0", "2.0.0", "Program i wytyczne po pilotażu", ["pilot-findings"], "Zmiany po pilotażu w 50 JST: skrócony moduł 3, nowe ćwiczenia w module 4.",
        "CC-BY-4.0", "pl", Guid.Parse("01936b30-1000-7000-8000-000000000020"), ReleaseStatus.Published, new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero), null,
        [new("zip", "program-2.0-wydanie-2.0.0.zip", "application/zip", 184_322, "9f2c…", "/api/v1/catalogue/releases/01936b30-4000-7000-8000-000000000001/files/zip")]);
}
