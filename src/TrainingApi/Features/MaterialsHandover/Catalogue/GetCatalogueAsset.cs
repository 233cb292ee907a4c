using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// An image or attachment of a published release, where its pages' relative addresses (<c>assets/…</c>) lead: the bytes the
/// release lists by SHA-256, the same as in its ZIP (html/assets/) and cartridge (web/assets/), and they never change.
/// </summary>
public static class GetCatalogueAsset
{
    private static readonly Text AssetNoun = new("asset of the release", "zasób wydania");

    public sealed record Query(Guid ReleaseId, string Name) : IQuery<Found>;

    public sealed record Found(AssetFacts Asset, byte[] Bytes, DateTimeOffset PublishedAt, string Slug, string SemanticVersion);

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, IAssetStore store) : IQueryHandler<Query, Found>
    {
        public async ValueTask<Found> Handle(Query query, CancellationToken ct)
        {
            var release = await CatalogueRelease.Public(db).Where(r => r.Id == query.ReleaseId).Select(r => new { r.PublishedAt, r.ProgrammeSlug, r.SemanticVersion }).FirstOrDefaultAsync(ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.ReleaseId);
            if (!AssetNames.IsValid(query.Name))
            {
                throw Problem.NotFound(AssetNoun, query.Name);
            }

            // Only the one listed asset, read out of the snapshot by PostgreSQL (the snapshot itself can be hundreds of KB).
            var json = await db.Database.SqlQuery<string>($"""
                SELECT a::text AS "Value" FROM handover.releases r, jsonb_array_elements(coalesce(r.content_json -> 'assets', '[]'::jsonb)) a
                WHERE r.id = {query.ReleaseId} AND a ->> 'name' = {query.Name}
                """).FirstOrDefaultAsync(ct) ?? throw Problem.NotFound(AssetNoun, query.Name);
            var asset = JsonSerializer.Deserialize<AssetFacts>(json, ReleaseJson.Options)!;
            var bytes = await store.GetAsync(asset.Sha256, ct) ?? throw new InvalidOperationException($"The asset store has no bytes for {asset.Sha256}.");
            return new Found(asset, bytes, release.PublishedAt!.Value, release.ProgrammeSlug, release.SemanticVersion);
        }
    }

    public static string UrlOf(Guid releaseId, string name) => $"/api/v1/catalogue/releases/{releaseId}/pages/assets/{name}";

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases/{releaseId:guid}/pages/assets/{name}", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid releaseId, string name, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(releaseId, name), ct);
                PersistentIds.Announce(http.Response, publicBase, found.Slug, found.SemanticVersion);
                return AssetDownload.Send(http, found.Asset, found.Bytes, "public, max-age=31536000, immutable");
            })
            .WithName("GetCatalogueAsset")
            .WithSummary("Download an image or attachment of a published release (public)")
            .WithDescription("Where the release's pages find `assets/{name}`: the stored bytes (images without metadata) with the media type " +
                             "recognised at upload. ETag is their SHA-256 (as in the ZIP's SHA256SUMS); cacheable for a year (immutable); " +
                             "`Content-Disposition: attachment` with its name (the pages' `<img>` show images all the same).")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch()
            .SendsLinkHeader(PersistentIds.LinkDescription)
            .ProducesAssetFile()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
