using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Accessibility;

public static class CheckVersionAccessibility
{
    public sealed record Query(Guid VersionId) : IQuery<VersionAccessibilityReport>;

    public sealed class Handler(TrainingDb db, Access access, VersionAccessibility accessibility) : IQueryHandler<Query, VersionAccessibilityReport>
    {
        public async ValueTask<VersionAccessibilityReport> Handle(Query query, CancellationToken cancellationToken)
        {
            await access.FindVisibleAsync(db.Set<ProgrammeVersion>(), v => v.Id == query.VersionId, CurriculumModule.VersionNoun, query.VersionId, cancellationToken);
            return await accessibility.CheckAsync(query.VersionId, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapGet("/{versionId:guid}/accessibility", async (Guid versionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(versionId), ct)))
            .WithName("CheckVersionAccessibility")
            .WithSummary("Run the accessibility check of a version")
            .WithDescription("WCAG 2.1 AA rules that can be checked on Markdown (alt text, link text, heading levels, table headers, " +
                             "language of parts, overlong texts) per section, each finding with criterion, severity, anchor, position and " +
                             "messages in Polish and English; plus the FOG-PL plain-language score per section. Unwaived errors block `accessible`.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, VersionAccessibilityReport.Example);
}
