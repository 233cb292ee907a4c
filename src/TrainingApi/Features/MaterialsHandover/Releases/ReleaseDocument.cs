using System.Text.Json.Serialization;
using TrainingApi.Features.Advisory.Reports;
using TrainingApi.Features.Consultations.Report;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Pilot;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public sealed record ReleaseProgramme(Guid Id, string Title, string? Summary, Guid VersionId, string VersionLabel);

/// <summary>
/// A finding of the version's accessibility check that the programme team waived, as the public sees it: which rule, where,
/// what is wrong (in Polish) and why it was accepted. Who: the programme team (the only role that may waive); the person's
/// account stays in the version's own report, out of the public package.
/// </summary>
public sealed record WaivedFinding(string FindingId, string Rule, string Criterion, string Anchor, string Section, int Line, int Column, string Excerpt,
    string Problem, string Reason, string WaivedBy, DateTimeOffset WaivedAt);

/// <summary>
/// The accessibility statement in the structure the 2019 act on digital accessibility asks of public bodies: status, content
/// that is not accessible and why, when and how it was prepared, contact, and the request and complaint procedure.
/// </summary>
/// <param name="Status"><c>compliant-as-checked</c> (nothing waived; only automatic checks were run) or <c>partially-compliant</c> (waived findings listed).</param>
/// <param name="Statement">The whole statement as Polish text (paragraphs separated by blank lines).</param>
/// <param name="Waived">Every waived finding, in document order.</param>
/// <param name="PreparedOn">The day the statement was prepared (the release was built), Europe/Warsaw.</param>
/// <param name="Method">How it was prepared, in Polish: what was checked and what was not.</param>
/// <param name="Contact">Whom to contact, in Polish.</param>
public sealed record AccessibilityStatement(string Standard, AccessibilitySummary Check, int ReadabilityWarnings, string Statement, string Status,
    IReadOnlyList<WaivedFinding> Waived, DateOnly PreparedOn, string Method, string Contact);

/// <summary>
/// What the release's evidence rests on, and why its version differs from the one before: the path the version took to
/// tested, the pilot whose evaluation and advisory outcomes it carries and the version that pilot tested (another one when
/// the evidence is carried forward on the update path), and the diff from its predecessor with the update's reason.
/// </summary>
/// <param name="Path">`full` (consultation and a pilot of this version) or `update` (a small change of a tested predecessor).</param>
/// <param name="UpdateReason">On the update path: change-in-law, change-in-technology or correction.</param>
/// <param name="VersionNotes">The version's notes: for an update, what changed and why.</param>
/// <param name="Carried">The pilot evidence is a predecessor's, carried forward (the pilot tested <c>TestedVersionLabel</c>).</param>
/// <param name="ChangesFromPredecessor">The diff from <c>PredecessorVersionLabel</c> by anchor; empty without a predecessor.</param>
public sealed record ReleaseEvidence(
    string Path, string? UpdateReason, string? VersionNotes, string? PredecessorVersionLabel, Guid? PilotRecruitmentId, string? TestedVersionLabel,
    bool Carried, IReadOnlyList<Curriculum.Diff.DiffVersions.SectionDiff> ChangesFromPredecessor);

/// <summary>
/// The release as one JSON document (release.json in every export; its JSON Schema is api-spec/releases/release.v1.schema.json).
/// Taken when the release is built and never changed: the same release always gives the same document.
/// </summary>
public sealed record ReleaseDocument(
    string Schema, Guid ReleaseId, string SemanticVersion, string Title, IReadOnlyList<string> Reasons, string Notes, string Licence, string Language,
    DateTimeOffset BuiltAt, ReleaseProgramme Programme, AccessibilityStatement Accessibility, IReadOnlyList<ContentSection> Sections,
    IReadOnlyList<CitedAct> LegalActs, IReadOnlyList<ConsultationOutcome> Consultation, GetEvaluationSummary.Summary? PilotEvaluation,
    PilotAdvisoryReport? AdvisoryOutcomes, ReleaseEvidence? Evidence = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AssetFacts>? Assets = null)
{
    /// <summary>The images and attachments the sections refer to (<c>assets/{name}</c>); none in releases built before assets existed.</summary>
    [JsonIgnore]
    public IReadOnlyList<AssetFacts> AssetList => Assets ?? [];

    public const string SchemaId = "https://trainingapi.ore.edu.pl/schemas/release.v1.json";

    /// <summary>A release without sections, consultation or pilot yet, for the contract's example of release.json.</summary>
    public static readonly ReleaseDocument Example = new(
        SchemaId, Guid.Parse("01936b30-5000-7000-8000-000000000001"), "1.0.0", "Pierwsze wydanie", ["Program przetestowany w pilotażu."],
        "Wydanie obejmuje program i wytyczne do doradztwa.", "CC BY 4.0", "pl", new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero),
        new ReleaseProgramme(Guid.Parse("01936b30-0000-7000-8000-000000000001"), "Zarządzanie cyfryzacją szkół w JST", null,
            Guid.Parse("01936b30-0000-7000-8000-000000000002"), "1.0"),
        new AccessibilityStatement("WCAG 2.1 AA", new AccessibilitySummary(0, 0, 0, 0), 0, "Deklaracja dostępności.", "compliant-as-checked", [],
            new DateOnly(2026, 6, 30), "Automatyczna kontrola treści.", "Zespół programu: program@example.org"),
        [], [], [], null, null);
}
