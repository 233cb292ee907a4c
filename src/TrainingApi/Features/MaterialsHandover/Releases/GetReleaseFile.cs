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
}
