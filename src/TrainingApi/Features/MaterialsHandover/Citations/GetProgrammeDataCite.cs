using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.OpenData;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>
/// The DataCite record of a programme as a whole (the concept its persistent address <c>/id/programmes/{slug}</c> names), with a
/// HasVersion relation to every published release: what a concept DOI would be registered with.
/// </summary>
public static class GetProgrammeDataCite
{
    private static readonly Text ProgrammeNoun = new("programme with a published release", "program z opublikowanym wydaniem");

    public sealed record Query(string Slug) : IQuery<ConceptCitation>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, IOptions<OpenDataOptions> options, PublicBaseUrl publicBase)
        : IQueryHandler<Query, ConceptCitation>
    {
        public async ValueTask<ConceptCitation> Handle(Query query, CancellationToken ct)
        {
            var releases = await CitedReleases.OfProgrammeAsync(db, query.Slug, ct);
            if (releases.Count == 0)
            {
                throw Problem.NotFound(ProgrammeNoun, query.Slug);
            }

            // The work is described as its latest release describes it.
            var latest = releases[^1];
            var programme = await CitedReleases.ProgrammeAsync(db, latest.Id, ct);
            return ConceptCitation.Of(query.Slug, programme.Title, programme.Summary, [.. releases.Select(r => (r.SemanticVersion, r.PublishedAt!.Value))],
                latest.Licence, latest.Language, options.Value, publicBase);
        }
    }

    public static string UrlOf(string slug) => $"/api/v1/catalogue/programmes/{slug}/citations/datacite";

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/programmes/{slug}/citations/datacite", Downloads.GetAndHead, async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> (
                string slug, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var concept = await mediator.Send(new Query(slug), ct);
                var bytes = DataCiteXml.Concept(concept);
                // It gains a version at each publication, so it is kept no longer than the rest of the catalogue.
                http.Response.Headers.CacheControl = CatalogueRelease.CacheControl;
                http.Response.Headers.ContentLanguage = concept.Language;
                return ConditionalGet.File(http, bytes, DataCiteXml.MediaType, $"{slug}.datacite.xml", $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"",
                    concept.LatestPublishedAt);
            })
            .WithName("GetProgrammeDataCite")
            .WithSummary("The DataCite record of a programme and all its published versions (public)")
            .WithDescription("A DataCite Metadata Kernel 4.5 record of the programme as a work (the concept of `/id/programmes/{slug}`): title, summary " +
                             "and licence as its latest release has them, HasVersion each published release's persistent address, Issued the first " +
                             "publication and Updated the latest. Its `identifier` is DataCite's \"(:tba)\" until a concept DOI is registered. " +
                             "404 when the programme has no published release. ETag is the SHA-256 of the bytes; 304 when unchanged.")
            .AllowAnonymous()
            .CachedWhenAnonymous(CatalogueCache.Tag)
            .SupportsIfNoneMatch(lastModified: true)
            .ProducesTextFile(StatusCodes.Status200OK, DataCiteXml.MediaType, System.Text.Encoding.UTF8.GetString(DataCiteXml.Concept(ConceptCitation.Example)))
            .ProducesProblem(StatusCodes.Status404NotFound);
}
