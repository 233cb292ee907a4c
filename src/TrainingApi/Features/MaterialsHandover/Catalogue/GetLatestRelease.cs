using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public static class GetLatestRelease
{
    public sealed record Query(Guid? ProgrammeId) : IQuery<GetCatalogueRelease.Found>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, Common.Http.PublicBaseUrl publicBase) : IQueryHandler<Query, GetCatalogueRelease.Found>
    {
        public async ValueTask<GetCatalogueRelease.Found> Handle(Query query, CancellationToken ct)
        {
            var latest = CatalogueRelease.Project(db.Set<Release>().AsNoTracking().Where(r => r.Status == ReleaseStatus.Published));
            if (query.ProgrammeId is { } programmeId)
            {
                latest = latest.Where(r => r.ProgrammeId == programmeId);
            }

            var release = await latest.OrderByDescending(r => r.PublishedAt).FirstOrDefaultAsync(ct)
                          ?? throw Problem.NotFound(new Text("No release has been published yet.", "Nie opublikowano jeszcze żadnego wydania."));
            return new((await CatalogueRelease.ViewsAsync(db, publicBase, [release], ct))[0], release.Version, release.PublishedAt!.Value);
        }
    }

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/releases/latest", async (Guid? programmeId, IMediator mediator, Common.Http.PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
                GetCatalogueRelease.Answer(http, publicBase, await mediator.Send(new Query(programmeId), ct)))
            .WithName("GetLatestRelease")
            .WithSummary("The latest published release (public)")
            .WithDescription("Of the programme named by `programmeId`, or the most recently published of all. Its files are served as stored at " +
                             "publication (GET …/files/{format}), never rebuilt. ETag, Last-Modified and 304 as for any release.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag, "programmeId")
            .SupportsIfNoneMatch(lastModified: true)
            .SendsLinkHeader(PersistentIds.LinkDescription)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, CatalogueRelease.Example);
}
