using TrainingApi.Features.Advisory.Reports;
using TrainingApi.Features.Consultations.Report;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Pilot;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public sealed record ReleaseProgramme(Guid Id, string Title, string? Summary, Guid VersionId, string VersionLabel);

/// <param name="Statement">The accessibility statement, in Polish, from the version's accessibility check.</param>
public sealed record AccessibilityStatement(string Standard, AccessibilitySummary Check, int ReadabilityWarnings, string Statement);

/// <summary>
/// The release as one JSON document (release.json in every export; its JSON Schema is api-spec/releases/release.v1.schema.json).
/// Taken when the release is built and never changed: the same release always gives the same document.
/// </summary>
public sealed record ReleaseDocument(
    string Schema, Guid ReleaseId, string SemanticVersion, string Title, IReadOnlyList<string> Reasons, string Notes, string Licence, string Language,
    DateTimeOffset BuiltAt, ReleaseProgramme Programme, AccessibilityStatement Accessibility, IReadOnlyList<ContentSection> Sections,
    IReadOnlyList<CitedAct> LegalActs, IReadOnlyList<ConsultationOutcome> Consultation, GetEvaluationSummary.Summary? PilotEvaluation,
    PilotAdvisoryReport? AdvisoryOutcomes)
{
    public const string SchemaId = "https://trainingapi.ore.edu.pl/schemas/release.v1.json";
}
