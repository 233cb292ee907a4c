using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Diff;

public static class DiffVersions
{
    public enum SectionChange
    {
        Added,
        Removed,
        Moved,
        Changed,
        MovedAndChanged,
    }

    public sealed record Placement(string? ParentAnchor, int Position);

    public sealed record SectionDiff(
        string Anchor, SectionChange Change, string? TitleBefore, string? TitleAfter, Placement? Before, Placement? After,
        IReadOnlyList<string> ChangedFields, IReadOnlyList<DiffRun>? TextDiff);

    public sealed record Result(Guid ProgrammeId, string From, string To, int Added, int Removed, int Moved, int Changed, IReadOnlyList<SectionDiff> Sections);

    public sealed record Query(Guid ProgrammeId, Guid From, Guid To) : IQuery<Result>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).NotEmpty();
            RuleFor(q => q.To).NotEmpty();
        }
    }

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var from = await VersionAsync(query.From, query.ProgrammeId, cancellationToken);
            var to = await VersionAsync(query.To, query.ProgrammeId, cancellationToken);
            var before = await SectionsAsync(from.Id, cancellationToken);
            var after = await SectionsAsync(to.Id, cancellationToken);

            var diffs = new List<SectionDiff>();
            // In the order of the newer version, then what it removed, in the order of the older one.
            foreach (var (anchor, now) in after)
            {
                if (!before.TryGetValue(anchor, out var was))
                {
                    diffs.Add(new SectionDiff(anchor, SectionChange.Added, null, now.Section.Title, null, now.Placement, [], null));
                    continue;
                }

                var changed = ChangedFields(was, now);
                var moved = was.Placement.ParentAnchor != now.Placement.ParentAnchor || was.SiblingRank(before, after) != now.SiblingRank(after, before);
                if (!moved && changed.Count == 0)
                {
                    continue;
                }

                var change = moved && changed.Count > 0 ? SectionChange.MovedAndChanged : moved ? SectionChange.Moved : SectionChange.Changed;
                diffs.Add(new SectionDiff(anchor, change, was.Section.Title, now.Section.Title, was.Placement, now.Placement, changed,
                    changed.Contains("markdown") ? WordDiff.Between(was.Section.Markdown, now.Section.Markdown) : null));
            }

            foreach (var (anchor, was) in before.Where(b => !after.ContainsKey(b.Key)))
            {
                diffs.Add(new SectionDiff(anchor, SectionChange.Removed, was.Section.Title, null, was.Placement, null, [], null));
            }

            return new Result(query.ProgrammeId, from.Label, to.Label,
                diffs.Count(d => d.Change == SectionChange.Added), diffs.Count(d => d.Change == SectionChange.Removed),
                diffs.Count(d => d.Change is SectionChange.Moved or SectionChange.MovedAndChanged),
                diffs.Count(d => d.Change is SectionChange.Changed or SectionChange.MovedAndChanged), diffs);
        }

        private async Task<ProgrammeVersion> VersionAsync(Guid id, Guid programmeId, CancellationToken ct) =>
            await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == id && v.ProgrammeId == programmeId,
                CurriculumModule.VersionNoun, id, ct);

        private async Task<Dictionary<string, Located>> SectionsAsync(Guid versionId, CancellationToken ct)
        {
            var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == versionId).ToListAsync(ct);
            var anchors = sections.ToDictionary(s => s.Id, s => s.Anchor);
            var citations = await SectionRules.CitationsBySectionAsync(db, sections.Select(s => s.Id), ct);
            var located = new Dictionary<string, Located>();
            foreach (var section in SectionTree.InDocumentOrder(sections))
            {
                located[section.Anchor] = new Located(section, new Placement(section.ParentId is { } p ? anchors[p] : null, section.Position),
                    citations.GetValueOrDefault(section.Id) ?? []);
            }

            return located;
        }

        private static List<string> ChangedFields(Located was, Located now)
        {
            var (a, b) = (was.Section, now.Section);
            var fields = new List<string>();
            void Compare(string name, bool same)
            {
                if (!same)
                {
                    fields.Add(name);
                }
            }

            Compare("kind", a.Kind == b.Kind);
            Compare("title", a.Title == b.Title);
            Compare("markdown", a.Markdown == b.Markdown);
            Compare("hours", a.Hours == b.Hours);
            Compare("learningOutcomes", a.Knowledge.SequenceEqual(b.Knowledge) && a.Skills.SequenceEqual(b.Skills) && a.SocialCompetences.SequenceEqual(b.SocialCompetences));
            Compare("deliveryForms", a.DeliveryForms.Order().SequenceEqual(b.DeliveryForms.Order()));
            Compare("targetRoles", a.TargetRoles.Order().SequenceEqual(b.TargetRoles.Order()));
            Compare("authors", a.Authors.SequenceEqual(b.Authors));
            Compare("legalActs", was.LegalActs.SequenceEqual(now.LegalActs));
            return fields;
        }
    }

    private sealed record Located(Section Section, Placement Placement, IReadOnlyList<string> LegalActs)
    {
        /// <summary>
        /// The section's rank among those of its siblings that exist in both versions, so a sibling added or removed
        /// before it does not count as a move, but a change of order does.
        /// </summary>
        public int SiblingRank(IReadOnlyDictionary<string, Located> version, IReadOnlyDictionary<string, Located> other) =>
            version.Values.Where(s => s.Placement.ParentAnchor == Placement.ParentAnchor && other.ContainsKey(s.Section.Anchor))
                .OrderBy(s => s.Placement.Position).Select(s => s.Section.Anchor)
                .ToList().IndexOf(Section.Anchor);
    }

    public static void Map(RouteGroupBuilder programmes) =>
        programmes.MapGet("/{programmeId:guid}/diff", async (Guid programmeId, Guid? from, Guid? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(programmeId, from ?? Guid.Empty, to ?? Guid.Empty), ct)))
            .WithName("DiffVersions")
            .WithSummary("Compare two versions of a programme by anchor")
            .WithDescription("Sections added, removed, moved (another parent, or another order among siblings) and changed (which fields), " +
                             "with a word-level diff of the Markdown. Unchanged sections are left out. `from` and `to` are version ids.")
            .RequireAnyRole()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Result(ProgrammeView.Example.Id, "1.0", "1.1", 1, 0, 0, 1,
            [
                new SectionDiff("modul-3-1", SectionChange.Changed, "Zagrożenia w szkołach", "Zagrożenia cyberbezpieczeństwa w szkołach",
                    new Placement("modul-3", 0), new Placement("modul-3", 0), ["title", "markdown"],
                    [new DiffRun(DiffOperation.Equal, "Szkoły przetwarzają dane "), new DiffRun(DiffOperation.Delete, "uczniów"), new DiffRun(DiffOperation.Insert, "uczniów i rodziców")]),
                new SectionDiff("modul-6", SectionChange.Added, null, "Współpraca ze szkołami", null, new Placement(null, 5), [], null),
            ]));
}
