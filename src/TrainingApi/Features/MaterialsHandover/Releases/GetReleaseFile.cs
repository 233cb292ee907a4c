using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Exports;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class GetReleaseFile
{
    public sealed record Query(Guid ReleaseId, ExportFormat Format) : IQuery<ExportFile>;

    /// <summary>A published release's stored file; a draft's built now, as a preview (the same bytes publication will store).</summary>
    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, ExportFile>
    {
        public async ValueTask<ExportFile> Handle(Query query, CancellationToken ct)
        {
            var release = await db.Set<Release>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ReleaseId, ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.ReleaseId);
            if (release.Status == ReleaseStatus.Draft)
            {
                return ReleaseExports.Build(ReleaseJson.Deserialize(release.ContentJson), query.Format);
            }

            var format = ReleaseFiles.FormatName(query.Format);
            var file = await db.Set<ReleaseFile>().AsNoTracking().FirstAsync(f => f.ReleaseId == release.Id && f.Format == format, ct);
            return new ExportFile(query.Format, file.FileName, file.MediaType, file.Bytes);
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapMethods("/{releaseId:guid}/files/{format}", Downloads.GetAndHead, async (Guid releaseId, string format, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new Query(releaseId, QueryEnum.Parse<ExportFormat>(format, "format") ?? ExportFormat.Json), ct);
                // A draft's preview can change between two range requests: its tag (the SHA-256, as published files have) lets If-Range tell.
                return ConditionalGet.Download(file.Bytes, file.MediaType, file.FileName, $"\"{file.Sha256}\"");
            })
            .WithName("GetReleaseFile")
            .TakesEnum<ExportFormat>("format")
            .WithSummary("Download a release's export (drafts: a preview)")
            .WithDescription("`format` is json, zip (the bundle with manifest.json and SHA256SUMS) or imscc (IMS Common Cartridge 1.1). For a draft the " +
                             "file is built on request, byte for byte what publication will store.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesFile(StatusCodes.Status200OK, "application/zip")
            .ProducesFile(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>
    /// release.json as its own operation, typed by its published schema: the same answer as <c>files/{format}</c> with <c>json</c>
    /// (this literal route takes precedence), which keeps one body type per operation for generated clients.
    /// </summary>
    public static void MapReleaseJson(RouteGroupBuilder releases) =>
        releases.MapMethods("/{releaseId:guid}/files/json", Downloads.GetAndHead, async (Guid releaseId, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new Query(releaseId, ExportFormat.Json), ct);
                return ConditionalGet.Download(file.Bytes, file.MediaType, file.FileName, $"\"{file.Sha256}\"");
            })
            .WithName("GetReleaseJson")
            .WithSummary("Download a release's release.json (drafts: a preview)")
            .WithDescription("release.json of the release (the schema is also api-spec/releases/release.v1.schema.json); for a draft built on " +
                             "request, byte for byte what publication will store. The same answer as `files/json` of GetReleaseFile.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesJsonDocument(StatusCodes.Status200OK, HandoverModule.ReleaseJsonSchema)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
