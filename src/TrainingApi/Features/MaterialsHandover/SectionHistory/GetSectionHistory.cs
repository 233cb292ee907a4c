using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Report;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.Curriculum.Diff;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Features.PilotEnrollment.Pilot;

namespace TrainingApi.Features.MaterialsHandover.SectionHistory;

/// <summary>
/// "Why does this text say this?": one anchor's life in one answer, in order of time, from each slice's public reads —
/// its text in every version with the diff from the one before (Curriculum), the consultation comments on it with their
/// dispositions and the version they went into (Consultations), its module's pilot evaluation (PilotEnrollment), the
/// amendments of the acts it cites (Curriculum) and the releases that contain it (this slice).
/// </summary>
public static class GetSectionHistory
{
    public enum HistoryEntryKind
    {
        /// <summary>The text as a version has it (the version left draft for review then; a draft's at its last edit).</summary>
        VersionText,

        /// <summary>A consultation comment on the section, with its disposition and the version it was taken into.</summary>
        Comment,

        /// <summary>The pilot evaluation of the section's module.</summary>
        PilotEvaluation,

        /// <summary>A legal act the section cites was amended (recorded then).</summary>
        LegalActAmended,

        /// <summary>A release containing the section was built or published.</summary>
        Release,
    }

    /// <param name="Changed">The text differs from the previous version that has the section (always true for the first).</param>
    /// <param name="DiffFromPrevious">Word diff of the Markdown from <c>PreviousLabel</c>; null for the first version or when unchanged.</param>
    public sealed record SectionText(
        Guid VersionId, string Label, VersionStatus Status, SectionKind Kind, string Title, string Markdown, string? PreviousLabel, bool Changed,
        IReadOnlyList<DiffRun>? DiffFromPrevious, IReadOnlyList<CitedAct> LegalActs);

    public sealed record ReleaseFact(
        Guid ReleaseId, string SemanticVersion, string VersionLabel, ReleaseStatus Status, IReadOnlyList<string> Reasons, string? UpdateReason, string? EvidenceCarriedFrom);

    /// <summary>One fact; exactly one of the detail members is set, as <c>Kind</c> says.</summary>
    public sealed record HistoryEntry(
        DateTimeOffset At, HistoryEntryKind Kind, string? VersionLabel, SectionText? Text, AnchorComment? Comment, ModuleEvaluationFact? Evaluation,
        ActAmendment? Amendment, ReleaseFact? Release);

    public sealed record SectionHistoryView(Guid ProgrammeId, string ProgrammeTitle, string Anchor, string? ModuleAnchor, IReadOnlyList<HistoryEntry> Entries);

    public sealed record Query(Guid ProgrammeId, string Anchor) : IQuery<SectionHistoryView>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Anchor).NotEmpty().MaximumLength(Section.AnchorMaxLength).Matches("^[a-z0-9]+(-[a-z0-9]+)*$");
    }

    public sealed class Handler(TrainingDb db, Caller caller, SectionLineage lineage, ConsultationOutcomes consultations, PilotEvidence pilots)
        : IQueryHandler<Query, SectionHistoryView>
    {
        public async ValueTask<SectionHistoryView> Handle(Query query, CancellationToken ct)
        {
            // Those who see drafts elsewhere see them here; everyone else sees published versions, reports and releases only.
            var insider = VersionAccess.SeesDrafts(caller);
            var found = await lineage.FindAsync(query.ProgrammeId, query.Anchor, insider, ct);
            if (found is null || found.Versions.Count == 0)
            {
                throw found is null
                    ? Problem.NotFound(CurriculumModule.ProgrammeNoun, query.ProgrammeId)
                    : Problem.NotFound(new Common.Localization.Text($"No version of the programme you may see has a section '{query.Anchor}'.",
                        $"Żadna widoczna dla Ciebie wersja programu nie ma sekcji '{query.Anchor}'."), code: "section-not-found");
            }

            var entries = new List<HistoryEntry>();
            // Texts come in lineage order; each is placed no earlier than the one before it, so sorting by time keeps them so.
            var placed = new Dictionary<HistoryEntry, DateTimeOffset>(ReferenceEqualityComparer.Instance);
            AnchorText? previous = null;
            foreach (var text in found.Versions)
            {
                var changed = previous is null || previous.Markdown != text.Markdown || previous.Title != text.Title;
                var entry = new HistoryEntry(text.At, HistoryEntryKind.VersionText, text.Label, new SectionText(text.VersionId, text.Label, text.Status, text.Kind,
                    text.Title, text.Markdown, previous?.Label, changed,
                    previous is not null && previous.Markdown != text.Markdown ? WordDiff.Between(previous.Markdown, text.Markdown) : null, text.Acts), null, null, null, null);
                placed[entry] = previous is null ? text.At : Max(text.At, placed[entries[^1]]);
                entries.Add(entry);
                previous = text;
            }

            foreach (var comment in await consultations.OnAnchorAsync(query.ProgrammeId, query.Anchor, publishedOnly: !insider, ct))
            {
                entries.Add(new HistoryEntry(comment.SubmittedAt, HistoryEntryKind.Comment, comment.VersionLabel, null, comment, null, null, null));
            }

            var labels = found.Versions.ToDictionary(v => v.VersionId, v => v.Label);
            var module = found.Versions[^1].ModuleAnchor;
            if (module is not null)
            {
                foreach (var evaluation in await pilots.ModuleEvaluationsAsync([.. labels.Keys], module, ct))
                {
                    entries.Add(new HistoryEntry(evaluation.LastRecordedAt, HistoryEntryKind.PilotEvaluation, labels[evaluation.VersionId], null, null, evaluation, null, null));
                }
            }

            entries.AddRange(found.Amendments.Select(a => new HistoryEntry(a.RecordedAt, HistoryEntryKind.LegalActAmended, null, null, null, null, a, null)));

            var versionIds = labels.Keys.ToList();
            var releases = await db.Set<Release>().AsNoTracking().Where(r => versionIds.Contains(r.VersionId) && (insider || r.Status != ReleaseStatus.Draft)).ToListAsync(ct);
            entries.AddRange(releases.Select(r => new HistoryEntry(r.PublishedAt ?? r.CreatedAt, HistoryEntryKind.Release, r.VersionLabel, null, null, null, null,
                new ReleaseFact(r.Id, r.SemanticVersion, r.VersionLabel, r.Status, r.Reasons, r.UpdateReason, r.EvidenceCarriedFrom))));

            return new SectionHistoryView(found.ProgrammeId, found.ProgrammeTitle, query.Anchor, module,
                [.. entries.OrderBy(e => placed.GetValueOrDefault(e, e.At)).ThenBy(e => e.Kind)]);
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapGet("/{programmeId:guid}/sections/{anchor}/history", async (Guid programmeId, string anchor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(programmeId, anchor), ct)))
            .WithName("GetSectionHistory")
            .WithSummary("The history of a section: why does this text say this?")
            .WithDescription("For one section anchor of a programme, in order of time, each fact once: its text in every version (when the " +
                             "version left draft for review, a draft's at its last edit), each version after the one it was made from, " +
                             "with the word diff from the previous one and the legal acts it cites; the consultation " +
                             "comments on it with their dispositions, responses and the version they were taken into; the pilot evaluation of " +
                             "its module (counts and means); amendments of the acts it cites; the releases that contain it. Public for " +
                             "published versions, published consultation reports and published releases; the team, authors and advisors see drafts too.")
            .AllowAnonymous()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new SectionHistoryView(Guid.Parse("01936b2f-0000-7000-8000-000000000001"),
                "Zarządzanie cyfryzacją szkół w JST", "modul-3-1", "modul-3",
            [
                new HistoryEntry(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), HistoryEntryKind.VersionText, "1.0",
                    new SectionText(Guid.Parse("01936b2f-1000-7000-8000-000000000010"), "1.0", VersionStatus.Superseded, SectionKind.Unit, "Zagrożenia w szkołach",
                        "Szkoły przetwarzają dane uczniów.", null, true, null, []), null, null, null, null),
                new HistoryEntry(new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero), HistoryEntryKind.Comment, "1.0", null,
                    new AnchorComment(Guid.Parse("01936b2f-3000-7000-8000-000000000001"), Guid.Parse("01936b2f-4000-7000-8000-000000000001"), "1.0",
                        "Związek Miast Polskich", null, "Brakuje rodziców.", "Dodać: i rodziców.", new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero),
                        Disposition.Accepted, "Uwzględniono.", new DateTimeOffset(2024, 4, 10, 9, 0, 0, TimeSpan.Zero), "1.1", new DateTimeOffset(2024, 4, 20, 9, 0, 0, TimeSpan.Zero)),
                    null, null, null),
            ]));
}
