using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.MaterialsHandover.Citations;
using TrainingApi.Features.MaterialsHandover.Exports;
using TrainingApi.Features.MaterialsHandover.Exports.Docx;
using TrainingApi.Features.MaterialsHandover.OpenData;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class GetReleaseFile
{
    public sealed record Query(Guid ReleaseId, ExportFormat Format) : IQuery<Found>;

    /// <summary>The file and the release's language (the file's content is in it).</summary>
    public sealed record Found(ExportFile File, string Language);

    /// <summary>A published release's stored file; a draft's built now, as a preview (the bytes publication will store, but for the index page, which says it is a draft).</summary>
    public sealed class Handler(TrainingDb db, IAssetStore assetStore, IOptions<OpenDataOptions> openData, PublicBaseUrl publicBase) : IQueryHandler<Query, Found>
    {
        public async ValueTask<Found> Handle(Query query, CancellationToken ct)
        {
            var release = await db.Set<Release>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ReleaseId, ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.ReleaseId);
            if (release.Status == ReleaseStatus.Draft)
            {
                var document = ReleaseJson.Deserialize(release.ContentJson);
                // release.json names the assets; only the packages carry their bytes.
                var assets = query.Format == ExportFormat.Json ? ReleaseAssets.None : await ReleaseAssets.LoadAsync(assetStore, document, ct);
                // Not published yet: the pages say so, and give no date or citation.
                var identity = ReleaseIdentities.Draft(release, document, openData.Value, publicBase);
                return new Found(ReleaseExports.Build(document, assets, identity, query.Format), release.Language);
            }

            var format = ReleaseFiles.FormatName(query.Format);
            var file = await db.Set<ReleaseFile>().AsNoTracking().FirstAsync(f => f.ReleaseId == release.Id && f.Format == format, ct);
            return new Found(new ExportFile(query.Format, file.FileName, file.MediaType, file.Bytes), release.Language);
        }
    }

    public static void Map(RouteGroupBuilder releases) =>
        releases.MapMethods("/{releaseId:guid}/files/{format}", Downloads.GetAndHead, async (Guid releaseId, string format, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Send(http, await mediator.Send(new Query(releaseId, QueryEnum.Parse<ExportFormat>(format, "format") ?? ExportFormat.Json), ct)))
            .WithName("GetReleaseFile")
            .TakesEnum<ExportFormat>("format")
            .WithSummary("Download a release's export (drafts: a preview)")
            .WithDescription("`format` is json, zip (the bundle with manifest.json and SHA256SUMS), imscc (IMS Common Cartridge 1.1) or docx (the whole " +
                             "programme as an editable, accessible Word document). For a draft the file is built on request, byte for byte what publication will store, " +
                             "but for the index page of zip and imscc: a preview's says the release is not yet published, where the published one gives the " +
                             "publication date, the citation and the persistent address.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesFile(StatusCodes.Status200OK, "application/zip")
            .ProducesFile(StatusCodes.Status200OK, "application/json")
            .ProducesFile(StatusCodes.Status200OK, ReleaseDocx.MediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>
    /// release.json as its own operation, typed by its published schema: the same answer as <c>files/{format}</c> with <c>json</c>
    /// (this literal route takes precedence), which keeps one body type per operation for generated clients.
    /// </summary>
    public static void MapReleaseJson(RouteGroupBuilder releases) =>
        releases.MapMethods("/{releaseId:guid}/files/json", Downloads.GetAndHead, async (Guid releaseId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                Send(http, await mediator.Send(new Query(releaseId, ExportFormat.Json), ct)))
            .WithName("GetReleaseJson")
            .WithSummary("Download a release's release.json (drafts: a preview)")
            .WithDescription("release.json of the release (the schema is also api-spec/releases/release.v1.schema.json); for a draft built on " +
                             "request, byte for byte what publication will store. The same answer as `files/json` of GetReleaseFile.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Expert, Roles.Ministry)
            .SupportsIfNoneMatch()
            .ProducesJsonDocument(StatusCodes.Status200OK, HandoverModule.ReleaseJsonSchema)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Send(HttpContext http, Found found)
    {
        // The file's content is the release's, in its language, whatever language the client asked its messages in.
        http.Response.Headers.ContentLanguage = found.Language;
        // A draft's preview can change between two range requests: its tag (the SHA-256, as published files have) lets If-Range tell.
        return ConditionalGet.Download(found.File.Bytes, found.File.MediaType, found.File.FileName, $"\"{found.File.Sha256}\"");
    }
}
