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
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// A page of a published release for people to read in a browser: the accessible HTML page exactly as stored in the
/// release's ZIP bundle (html/…), never rebuilt. The pages link to each other by relative addresses, so following links
/// stays under this path; the Atom feed links each release's index page as its HTML alternate.
/// </summary>
public static partial class GetCataloguePage
{
    public const string MediaType = "text/html; charset=utf-8";

    // Page names are the bundle's own (anchors are lower-case letters, digits and hyphens); nothing else is looked up.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}\\.html$")]
    private static partial System.Text.RegularExpressions.Regex PageName();

    public sealed record Page(byte[] Html, string Language, string Sha256, DateTimeOffset PublishedAt, string Slug, string SemanticVersion);

    public sealed record Query(Guid ReleaseId, string Page) : IQuery<Page>;

    public sealed class Handler(TrainingDb db) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken ct)
        {
            var release = await CatalogueRelease.Public(db).FirstOrDefaultAsync(r => r.Id == query.ReleaseId, ct)
                          ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.ReleaseId);
            if (!PageName().IsMatch(query.Page) || await StoredBundle.EntryAsync(db, release.Id, "html/" + query.Page, ct) is not { } html)
            {
                throw Problem.NotFound(PageNoun, query.Page);
            }

            return new Page(html, release.Language, Convert.ToHexStringLower(SHA256.HashData(html)), release.PublishedAt!.Value, release.ProgrammeSlug,
                release.SemanticVersion);
        }
    }

    private static readonly Text PageNoun = new("page of the release", "strona wydania");


    public static string UrlOf(Guid releaseId, string page = "index.html") => $"/api/v1/catalogue/releases/{releaseId}/pages/{page}";

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases/{releaseId:guid}/pages/{page}", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid releaseId, string page, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
            {
                var found = await mediator.Send(new Query(releaseId, page), ct);
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                PersistentIds.Announce(http.Response, publicBase, found.Slug, found.SemanticVersion);
                http.Response.Headers.ContentLanguage = found.Language;
                // Authored content on the API's origin: no scripts, no frames, styles only the page's own, images from https and the release's own assets (pages/assets/…).
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
                return ConditionalGet.File(http, found.Html, MediaType, null, $"\"{found.Sha256}\"", found.PublishedAt);
            })
            .WithName("GetCataloguePage")
            .WithSummary("Read a page of a published release in a browser (public)")
            .WithDescription("The accessible HTML page as stored in the release's ZIP bundle (`html/…`): `index.html`, one page per module or " +
                             "top-level section (`{anchor}.html`) and `deklaracja-dostepnosci.html` (the accessibility statement). Pages link to " +
                             "each other relatively. `Content-Language` is the release's language; ETag is the page's SHA-256; 304 when unchanged.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .SendsLinkHeader(PersistentIds.LinkDescription)
            .ProducesTextFile(StatusCodes.Status200OK, "text/html", "<!DOCTYPE html>\n<html lang=\"pl\">…</html>", attachment: false)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
