using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class GetRelease
{
    public sealed record Query(Guid Id) : IQuery<Versioned<ReleaseView>>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Versioned<ReleaseView>>
    {
        public async ValueTask<Versioned<ReleaseView>> Handle(Query query, CancellationToken ct)
        {
            var release = await db.Set<Release>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, ct) ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.Id);
            var files = await ReleaseFiles.ViewsAsync(db, [release.Id], ct);
            return new(ReleaseView.From(release, files[release.Id]), release.Version);
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapGet("/{releaseId:guid}", async (Guid releaseId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(releaseId), ct);
                return ConditionalGet.Ok(http, found);
            })
            .WithName("GetRelease")
            .WithSummary("Read a release, drafts included")
            .WithDescription("With its ETag (PUT needs it while it is a draft) and, once published, its files with SHA-256 and size.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ReleaseView.Example);
}
