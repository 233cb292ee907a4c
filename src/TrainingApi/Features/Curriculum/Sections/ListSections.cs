using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Sections;

public static class ListSections
{
    public sealed record Query(Guid VersionId, SectionKind? Kind, bool? ReviewNeeded, int Limit, string? Cursor) : IQuery<Page<SectionView>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).ValidPageLimit();
    }

    /// <summary>
    /// Document order is a walk of the tree, so it is computed in memory (a version has tens of sections, not
    /// thousands); the cursor is the anchor of the last section of the page.
    /// </summary>
    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Page<SectionView>>
    {
        public async ValueTask<Page<SectionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == query.VersionId,
                CurriculumModule.VersionNoun, query.VersionId, cancellationToken);
            var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == version.Id).ToListAsync(cancellationToken);
            var anchors = sections.ToDictionary(s => s.Id, s => s.Anchor);
            var ordered = SectionTree.WithDepth(sections)
                .Where(s => query.Kind is null || s.Section.Kind == query.Kind)
                .Where(s => query.ReviewNeeded is null || s.Section.ReviewNeeded == query.ReviewNeeded)
                .ToList();
            var start = 0;
            if (NameCursor.Decode(query.Cursor) is { } after)
            {
                // A cursor names a section this list gave; one that names none is refused, as every other list refuses it.
                var at = ordered.FindIndex(s => s.Section.Anchor == after);
                start = at >= 0 ? at + 1 : throw KeysetCursor.InvalidCursor();
            }

            var page = ordered.Skip(start).Take(query.Limit).ToList();
            var citations = await SectionRules.CitationsBySectionAsync(db, page.Select(p => p.Section.Id), cancellationToken);
            var items = page.Select(p => SectionView.From(p.Section, p.Section.ParentId is { } parent ? anchors[parent] : null, p.Depth,
                citations.GetValueOrDefault(p.Section.Id) ?? [])).ToList();
            var more = start + page.Count < ordered.Count;
            return new Page<SectionView>(items, more ? NameCursor.Encode(page[^1].Section.Anchor) : null);
        }

    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapGet("/{versionId:guid}/sections", async (Guid versionId, string? kind, bool? reviewNeeded, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(versionId, QueryEnum.Parse<SectionKind>(kind, "kind"), reviewNeeded, limit ?? KeysetCursor.DefaultLimit, cursor), ct)))
            .WithName("ListSections")
            .TakesEnum<SectionKind>("kind")
            .WithSummary("List a version's sections in document order")
            .WithDescription("Depth-first, with each section's parent and depth; filter by kind (module, unit, advisory-guideline, annex) and by reviewNeeded.")
            .RequireAnyRole()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, new Page<SectionView>([SectionView.Example], null));
}
