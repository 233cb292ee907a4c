using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Curriculum.Versions;

public static class GetVersion
{
    public sealed record Query(Guid VersionId) : IQuery<Versioned<VersionView>>;

    public sealed class Handler(TrainingDb db, Access access, VersionTotalsCalculator totals) : IQueryHandler<Query, Versioned<VersionView>>
    {
        public async ValueTask<Versioned<VersionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == query.VersionId,
                CurriculumModule.VersionNoun, query.VersionId, cancellationToken);
            var sums = await totals.ForAsync(version.Id, cancellationToken);
            return new(VersionView.From(version, sums), VersionTag(version, sums));
        }
    }

    /// <summary>Changes when the version row or any of its sections changes.</summary>
    public static uint VersionTag(ProgrammeVersion version, VersionTotals totals) =>
        EntityTags.Combine(version.Version, totals.Sections, totals.LastChange?.UtcTicks ?? 0);

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapGet("/{versionId:guid}", async (Guid versionId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(versionId), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetVersion")
            .WithSummary("Read a version with its totals")
            .WithDescription("Status, the statuses it may move to next, and the didactic hours per module and in all, and outcomes per module, computed from its sections.")
            .RequireAnyRole()
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, VersionView.Example);
}
