using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.OpenData;

namespace TrainingApi.Features.MaterialsHandover.Citations;

public enum CitationFormat
{
    CslJson,
    Bibtex,
    Text,
    Datacite,
}

public static class GetReleaseCitation
{
    /// <summary>
    /// A release's citation never changes meaning, but it is made from configuration (publisher, base address) when asked, not stored:
    /// a day's caching, and the ETag (its SHA-256) tells a client whether an operator's change reached it.
    /// </summary>
    public const string CacheControl = "public, max-age=86400";

    public sealed record Query(Guid ReleaseId) : IQuery<Citation>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, IOptions<OpenDataOptions> options, PublicBaseUrl publicBase)
        : IQueryHandler<Query, Citation>
    {
        public async ValueTask<Citation> Handle(Query query, CancellationToken ct)
        {
            var facts = await CitedReleases.FactsAsync(db, query.ReleaseId, ct) ?? throw Problem.NotFound(HandoverModule.ReleaseNoun, query.ReleaseId);
            return Citation.Of(facts, options.Value, publicBase);
        }
    }

    /// <summary>A citation in one format: its bytes, media type and the name to save it under.</summary>
    public static (byte[] Bytes, string MediaType, string FileName) Render(Citation citation, CitationFormat format) => format switch
    {
        CitationFormat.CslJson => (CslJson.Of(citation), CslJson.MediaType, $"{BibTex.KeyOf(citation)}.csl.json"),
        CitationFormat.Bibtex => (BibTex.Of(citation), BibTex.MediaType + "; charset=utf-8", $"{BibTex.KeyOf(citation)}.bib"),
        CitationFormat.Text => (PolishCitation.Of(citation), PolishCitation.MediaType, $"{BibTex.KeyOf(citation)}.txt"),
        _ => (DataCiteXml.Release(citation), DataCiteXml.MediaType, $"{BibTex.KeyOf(citation)}.datacite.xml"),
    };

    private static Results<FileContentHttpResult, StatusCodeHttpResult> Send(HttpContext http, Citation citation, CitationFormat format)
    {
        var (bytes, mediaType, fileName) = Render(citation, format);
        http.Response.Headers.CacheControl = CacheControl;
        http.Response.Headers.ContentLanguage = citation.Language;
        return ConditionalGet.File(http, bytes, mediaType, fileName, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", citation.PublishedAt);
    }

    /// <summary>
    /// CSL-JSON as its own operation, typed by the CSL item's schema: the same answer as <c>citations/{format}</c> with <c>csl-json</c>
    /// (this literal route takes precedence), so that a generated client reads it as data.
    /// </summary>
    public static void MapCslJson(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases/{releaseId:guid}/citations/csl-json", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid releaseId, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var citation = await mediator.Send(new Query(releaseId), ct);
                var bytes = CslJson.Of(citation);
                var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"";
                http.Response.Headers.CacheControl = CacheControl;
                http.Response.Headers.ContentLanguage = citation.Language;
                // A JSON document of a few hundred bytes, served whole (no ranges), as the typed JSON answers of the API are.
                return ConditionalGet.ClientIsCurrent(http, etag, citation.PublishedAt)
                    ? ConditionalGet.NotModified(http, CslJson.MediaType)
                    : TypedResults.File(bytes, CslJson.MediaType, $"{BibTex.KeyOf(citation)}.csl.json", lastModified: citation.PublishedAt,
                        entityTag: Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(etag));
            })
            .WithName("GetReleaseCitationCslJson")
            .WithSummary("Cite a published release in CSL-JSON (public)")
            .WithDescription("An array of one CSL item (for Zotero, Mendeley, citeproc and pandoc), valid against the Citation Style Language's " +
                             "csl-data.json schema: type `document`, genre \"materiały szkoleniowe\", title, the publisher as author and publisher, " +
                             "issued (the publication day in Warsaw), version, language, `URL` the release's persistent address, abstract, and the " +
                             "licence in `note` and `custom.license`. The same answer as `citations/csl-json` of GetReleaseCitation: ETag the " +
                             "SHA-256 of the bytes, Last-Modified the publication time; 304 when unchanged.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .Produces<IReadOnlyList<CslItem>>(StatusCodes.Status200OK, CslJson.MediaType)
            .SendsAttachment(StatusCodes.Status200OK)
            .WithResponseExample(StatusCodes.Status200OK, CslJson.Items(Citation.Example))
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static string UrlOf(Guid releaseId, CitationFormat format) => $"/api/v1/catalogue/releases/{releaseId}/citations/{QueryEnum.Name(format)}";

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/releases/{releaseId:guid}/citations/{format}", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                Guid releaseId, string format, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var chosen = QueryEnum.Parse<CitationFormat>(format, "format") ?? CitationFormat.Text;
                return Send(http, await mediator.Send(new Query(releaseId), ct), chosen);
            })
            .WithName("GetReleaseCitation")
            .TakesEnum<CitationFormat>("format")
            .WithSummary("Cite a published release: CSL-JSON, BibTeX, Polish text or DataCite XML (public)")
            .WithDescription("`format` csl-json (an array of one CSL item, for Zotero, Mendeley and citeproc; typed in GetReleaseCitationCslJson), bibtex (one `@manual` entry), text (the " +
                             "Polish \"Jak cytować\" line) or datacite (a DataCite Metadata Kernel 4.5 record, the body of a future DOI registration: " +
                             "its `identifier` is DataCite's \"(:tba)\" until a DOI is assigned). Each names the release's persistent address " +
                             "(`/id/programmes/{slug}/{semver}`), title, version, publication date, publisher and licence. A release's citation is fixed " +
                             "at publication: it names the release it superseded (IsNewVersionOf), never later ones (the programme's record, " +
                             "GetProgrammeDataCite, lists every version). ETag is the SHA-256 of the bytes, Last-Modified the publication time; 304 when unchanged.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .ProducesFile(StatusCodes.Status200OK, CslJson.MediaType)
            .ProducesTextFile(StatusCodes.Status200OK, BibTex.MediaType, System.Text.Encoding.UTF8.GetString(BibTex.Of(Citation.Example)))
            .ProducesTextFile(StatusCodes.Status200OK, "text/plain", PolishCitation.Text(Citation.Example))
            .ProducesTextFile(StatusCodes.Status200OK, DataCiteXml.MediaType, System.Text.Encoding.UTF8.GetString(DataCiteXml.Release(Citation.Example)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
