using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Sections;

public static class GetSection
{
    public sealed record Query(Guid VersionId, string Anchor) : IQuery<Versioned<SectionView>>;

    public sealed class Handler(TrainingDb db, Access access) : IQueryHandler<Query, Versioned<SectionView>>
    {
        public async ValueTask<Versioned<SectionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == query.VersionId,
                CurriculumModule.VersionNoun, query.VersionId, cancellationToken);
            var sections = await db.Set<Section>().AsNoTracking().Where(s => s.VersionId == version.Id).ToListAsync(cancellationToken);
            var (section, depth) = SectionTree.WithDepth(sections).FirstOrDefault(s => s.Section.Anchor == query.Anchor);
            if (section is null)
            {
                throw Problem.NotFound(SectionRules.SectionNoun, query.Anchor);
            }

            var parent = sections.FirstOrDefault(s => s.Id == section.ParentId)?.Anchor;
            var citations = await SectionRules.CitationsBySectionAsync(db, [section.Id], cancellationToken);
            return new(SectionView.From(section, parent, depth, citations.GetValueOrDefault(section.Id) ?? []), section.Version);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapGet("/{versionId:guid}/sections/{anchor}", async (Guid versionId, string anchor, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(versionId, anchor), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetSection")
            .WithSummary("Read a section by its anchor")
            .WithDescription("With its Markdown, the HTML rendered from it, its place in the tree and its ETag.")
            .RequireAnyRole()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, SectionView.Example);
}
