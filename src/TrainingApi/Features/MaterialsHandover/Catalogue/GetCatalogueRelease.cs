using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public static class GetCatalogueRelease
{
    public sealed record Found(CatalogueRelease Release, uint Stamp, DateTimeOffset LastChanged);

    public sealed record Query(Guid Id) : IQuery<Found>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, PublicBaseUrl publicBase) : IQueryHandler<Query, Found>
    {
        public async ValueTask<Found> Handle(Query query, CancellationToken ct)
        {
            var release = await CatalogueRelease.Public(db).FirstOrDefaultAsync(r => r.Id == query.Id, ct) ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.Id);
            return new Found((await CatalogueRelease.ViewsAsync(db, publicBase, [release], ct))[0], release.Version, release.SupersededAt ?? release.PublishedAt!.Value);
        }
    }

    /// <summary>200 or 304; the answer is kept in memory until the next publication (see <see cref="CatalogueCache"/>).</summary>
    public static Results<Ok<CatalogueRelease>, StatusCodeHttpResult> Answer(HttpContext http, PublicBaseUrl publicBase, Found found)
    {
        http.Response.Headers.CacheControl = CatalogueRelease.CacheControl;
        PersistentIds.Announce(http.Response, publicBase, found.Release.ProgrammeSlug, found.Release.SemanticVersion);
        var etag = EntityTags.Format(EntityTags.Combine(found.Release.Id, found.Stamp));
        return ConditionalGet.Ok(http, found.Release, etag, found.LastChanged);
    }

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/releases/{releaseId:guid}", async (Guid releaseId, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
                Answer(http, publicBase, await mediator.Send(new Query(releaseId), ct)))
            .WithName("GetCatalogueRelease")
            .WithSummary("A published release (public)")
            .WithDescription("With ETag and Last-Modified; If-None-Match or If-Modified-Since answer 304 while it is unchanged.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .SendsLinkHeader(PersistentIds.LinkDescription)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, CatalogueRelease.Example);
}
