using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Exports;
using TrainingApi.Features.MaterialsHandover.Exports.Docx;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public static class GetCatalogueFile
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public sealed record Query(Guid ReleaseId, ExportFormat Format) : IQuery<Found>;

    /// <summary>The stored file, when its release was published, and the release's language (the file's content is in it).</summary>
    public sealed record Found(ReleaseFile File, DateTimeOffset PublishedAt, string Language, string Slug, string SemanticVersion);

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db) : IQueryHandler<Query, Found>
    {
        public async ValueTask<Found> Handle(Query query, CancellationToken ct)
        {
            var release = await CatalogueRelease.Public(db).Where(r => r.Id == query.ReleaseId).Select(r => new { r.PublishedAt, r.Language, r.ProgrammeSlug, r.SemanticVersion }).FirstOrDefaultAsync(ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.ReleaseId);
            var format = ReleaseFiles.FormatName(query.Format);
            var file = await db.Set<ReleaseFile>().AsNoTracking().FirstAsync(f => f.ReleaseId == query.ReleaseId && f.Format == format, ct);
            return new Found(file, release.PublishedAt!.Value, release.Language, release.ProgrammeSlug, release.SemanticVersion);
        }
    }

    /// <summary>The bytes stored at publication, never rebuilt: the ETag is their SHA-256, and they never change.</summary>
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases/{releaseId:guid}/files/{format}", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid releaseId, string format, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(releaseId, QueryEnum.Parse<ExportFormat>(format, "format") ?? ExportFormat.Json), ct);
                return Send(http, publicBase, found);
            })
            .WithName("GetCatalogueFile")
            .TakesEnum<ExportFormat>("format")
            .WithSummary("Download a published release's file (public)")
            .WithDescription("`format` json, zip, imscc or docx (the whole programme as a Word document; one module's is GetCatalogueDocument). The bytes stored at publication; ETag is their SHA-256 (also in the release's file list " +
                             "and in SHA256SUMS), Last-Modified the publication time; 304 when unchanged; cacheable for a year (immutable).")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .SendsLinkHeader(PersistentIds.LinkDescription)
            .ProducesFile(StatusCodes.Status200OK, "application/zip")
            .ProducesFile(StatusCodes.Status200OK, "application/json")
            .ProducesFile(StatusCodes.Status200OK, ReleaseDocx.MediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>
    /// release.json as its own operation, typed by its published schema: the same bytes and headers as <c>files/{format}</c> with
    /// <c>json</c> (this literal route takes precedence), which keeps one body type per operation for generated clients.
    /// </summary>
    public static void MapReleaseJson(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases/{releaseId:guid}/files/json", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid releaseId, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(releaseId, ExportFormat.Json), ct);
                return Send(http, publicBase, found);
            })
            .WithName("GetCatalogueReleaseJson")
            .WithSummary("Download a published release's release.json (public)")
            .WithDescription("release.json as stored at publication (the schema is also api-spec/releases/release.v1.schema.json). The same answer " +
                             "as `files/json` of GetCatalogueFile: ETag its SHA-256, Last-Modified the publication time, cacheable for a year.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .SendsLinkHeader(PersistentIds.LinkDescription)
            .ProducesJsonDocument(StatusCodes.Status200OK, HandoverModule.ReleaseJsonSchema)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static Results<FileContentHttpResult, StatusCodeHttpResult> Send(HttpContext http, PublicBaseUrl publicBase, Found found)
    {
        http.Response.Headers.CacheControl = Immutable;
        PersistentIds.Announce(http.Response, publicBase, found.Slug, found.SemanticVersion);
        // The file's content is the release's, in its language, whatever language the client asked its messages in.
        http.Response.Headers.ContentLanguage = found.Language;
        return ConditionalGet.File(http, found.File.Bytes, found.File.MediaType, found.File.FileName, found.File.ETag(), found.PublishedAt);
    }
}
