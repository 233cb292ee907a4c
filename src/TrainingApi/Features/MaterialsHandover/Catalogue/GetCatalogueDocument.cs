using System.IO.Compression;
using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Exports.Docx;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// One Word document of a published release: the whole programme (<c>program.docx</c>) or one module (<c>{anchor}.docx</c>),
/// exactly as stored in the release's ZIP bundle (docx/…), never rebuilt, so its SHA-256 is the one SHA256SUMS lists.
/// For staff who edit one module and need not download the whole bundle.
/// </summary>
public static partial class GetCatalogueDocument
{
    // Document names are the bundle's own (anchors are lower-case letters, digits and hyphens); nothing else is looked up.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}\\.docx$")]
    private static partial System.Text.RegularExpressions.Regex DocumentName();

    public sealed record Document(byte[] Bytes, string FileName, string Language, string Sha256, DateTimeOffset PublishedAt, string Slug, string SemanticVersion);

    public sealed record Query(Guid ReleaseId, string File) : IQuery<Document>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db) : IQueryHandler<Query, Document>
    {
        public async ValueTask<Document> Handle(Query query, CancellationToken ct)
        {
            var release = await CatalogueRelease.Public(db).Where(r => r.Id == query.ReleaseId).Select(r => new { r.Id, r.PublishedAt, r.Language, r.ProgrammeSlug, r.SemanticVersion }).FirstOrDefaultAsync(ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.ReleaseId);
            if (!DocumentName().IsMatch(query.File))
            {
                throw Problem.NotFound(DocumentNoun, query.File);
            }

            var bytes = await StoredBundle.EntryAsync(db, release.Id, "docx/" + query.File, ct) ?? throw Problem.NotFound(DocumentNoun, query.File);
            return new Document(bytes, query.File, release.Language, Convert.ToHexStringLower(SHA256.HashData(bytes)), release.PublishedAt!.Value,
                release.ProgrammeSlug, release.SemanticVersion);
        }
    }

    private static readonly Text DocumentNoun = new("document of the release", "dokument wydania");


    public static string UrlOf(Guid releaseId, string file = ReleaseDocx.ProgrammeFile) => $"/api/v1/catalogue/releases/{releaseId}/documents/{file}";

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases/{releaseId:guid}/documents/{file}", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid releaseId, string file, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(releaseId, file), ct);
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                PersistentIds.Announce(http.Response, publicBase, found.Slug, found.SemanticVersion);
                // The document's content is the release's, in its language, whatever language the client asked its messages in.
                http.Response.Headers.ContentLanguage = found.Language;
                return ConditionalGet.File(http, found.Bytes, ReleaseDocx.MediaType, found.FileName, $"\"{found.Sha256}\"", found.PublishedAt);
            })
            .WithName("GetCatalogueDocument")
            .WithSummary("Download a Word document of a published release (public)")
            .WithDescription("An editable, accessible DOCX as stored in the release's ZIP bundle (`docx/…`): `program.docx` (the whole programme) or " +
                             "`{anchor}.docx` (one top-level module), each with a table of contents, Word heading styles, alt text of images and the " +
                             "evidence and accessibility statement as appendices. Sent as an attachment; ETag is the document's SHA-256 (as in SHA256SUMS), " +
                             "Last-Modified the publication time; 304 when unchanged; cacheable for a year (immutable).")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .SendsLinkHeader(PersistentIds.LinkDescription)
            .ProducesFile(StatusCodes.Status200OK, ReleaseDocx.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
