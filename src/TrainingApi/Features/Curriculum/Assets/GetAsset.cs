using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Assets;

public static class GetAsset
{
    public static readonly Text AssetNoun = new("asset", "zasób");

    public sealed record Query(Guid VersionId, string Name) : IQuery<Found>;

    public sealed record Found(VersionAsset Asset, byte[] Bytes);

    public sealed class Handler(TrainingDb db, Access access, IAssetStore store) : IQueryHandler<Query, Found>
    {
        public async ValueTask<Found> Handle(Query query, CancellationToken ct)
        {
            var version = await access.FindVisibleAsync(db.Set<ProgrammeVersion>().AsNoTracking(), v => v.Id == query.VersionId,
                CurriculumModule.VersionNoun, query.VersionId, ct);
            var asset = await db.Set<VersionAsset>().AsNoTracking().FirstOrDefaultAsync(a => a.VersionId == version.Id && a.Name == query.Name, ct)
                        ?? throw Problem.NotFound(AssetNoun, query.Name);
            var bytes = await store.GetAsync(asset.Sha256, ct) ?? throw new InvalidOperationException($"The asset store has no bytes for {asset.Sha256}.");
            return new Found(asset, bytes);
        }
    }

    public static void Map(RouteGroupBuilder versions) =>
        versions.MapMethods("/{versionId:guid}/assets/{name}", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid versionId, string name, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(versionId, name), ct);
                return AssetDownload.Send(http, found.Asset.Facts, found.Bytes, "private, no-cache");
            })
            .WithName("GetAsset")
            .WithSummary("Download an image or attachment of a version")
            .WithDescription("The stored bytes (images without their metadata), with the media type recognised at upload. ETag is their SHA-256; " +
                             "304 when unchanged. Sent as `Content-Disposition: attachment` with its name (pages show images with `<img>` all the same).")
            .RequireAnyRole()
            .SupportsIfNoneMatch()
            .ProducesAssetFile()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
