using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// The persistent addresses of <see cref="PersistentIds"/> answer 303 See Other to the representation the client asks for, the way
/// a DOI resolver does: people get the release's pages, programs its JSON, harvesters its DCAT-AP description, reference managers
/// a citation. The programme's address leads to its latest release (its RDF: to the programme's description, which lists every
/// release); a release's address always leads to that release.
/// </summary>
public static partial class ResolvePersistentId
{
    private const string Html = "text/html";
    private const string Json = "application/json";
    private static readonly string[] Rdf = ["text/turtle", "application/ld+json", "application/rdf+xml"];

    /// <summary>Citation media types, as DOI content negotiation names them, and the citation format each is served as.</summary>
    private static readonly Dictionary<string, string> Citations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.citationstyles.csl+json"] = "csl-json",
        ["application/x-bibtex"] = "bibtex",
        ["text/x-bibliography"] = "text",
        ["application/vnd.datacite.datacite+xml"] = "datacite",
    };

    /// <summary>What the addresses lead to; with no Accept (or <c>*/*</c>) the pages, for a person following a link.</summary>
    public static readonly IReadOnlyList<string> Offered = [Html, Json, .. Rdf, .. Citations.Keys];

    public sealed record Target(Guid ReleaseId, string Slug, string SemanticVersion);

    /// <param name="SemanticVersion">Null for the programme's address: its latest published release.</param>
    public sealed record Query(string Slug, string? SemanticVersion) : IQuery<Target>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db) : IQueryHandler<Query, Target>
    {
        public async ValueTask<Target> Handle(Query query, CancellationToken ct)
        {
            // Malformed names find nothing either way; refusing them here spares the database.
            if (!Curriculum.Slugs.ProgrammeSlug.IsWellFormed(query.Slug) || (query.SemanticVersion is { } v && !SemanticVersion().IsMatch(v)))
            {
                throw NotFound(query);
            }

            var releases = CatalogueRelease.Public(db).Where(r => r.ProgrammeSlug == query.Slug);
            releases = query.SemanticVersion is { } semver
                ? releases.Where(r => r.SemanticVersion == semver)
                : releases.Where(r => r.Status == ReleaseStatus.Published);
            return await releases.Select(r => new Target(r.Id, r.ProgrammeSlug, r.SemanticVersion)).FirstOrDefaultAsync(ct) ?? throw NotFound(query);
        }

        private static ProblemException NotFound(Query query) => Problem.NotFound(query.SemanticVersion is null
            ? new Text($"No programme '{query.Slug}' has a published release.", $"Żaden program '{query.Slug}' nie ma opublikowanego wydania.")
            : new Text($"Programme '{query.Slug}' has no published release {query.SemanticVersion}.",
                $"Program '{query.Slug}' nie ma opublikowanego wydania {query.SemanticVersion}."), code: "persistent-id-unknown");
    }

    /// <summary>Where the chosen representation is; the programme's RDF describes the programme, not only its latest release.</summary>
    public static string Location(Target target, string mediaType, bool concept) => mediaType switch
    {
        Html => GetCataloguePage.UrlOf(target.ReleaseId),
        Json => $"/api/v1/catalogue/releases/{target.ReleaseId}",
        _ when Citations.TryGetValue(mediaType, out var format) => $"/api/v1/catalogue/releases/{target.ReleaseId}/citations/{format}",
        _ => PersistentIds.DescriptionPath(target.Slug, concept ? null : target.SemanticVersion),
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var ids = app.MapGroup(PersistentIds.Root).WithTags(HandoverModule.CatalogueTag);
        Configure(ids.MapMethods("/{slug}", Downloads.GetAndHead, (string slug, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
                RedirectAsync(new Query(slug, null), mediator, publicBase, http, ct)),
            "ResolveProgrammeId", "Resolve a programme's persistent address (public)",
            "`/id/programmes/{slug}` names the programme for good and leads to its **latest** release, so it moves on with each publication " +
            "(cached for 5 minutes). 303 See Other by Accept: `text/html` (and no Accept, or `*/*`) the release's pages, `application/json` " +
            "its JSON, `text/turtle`/`application/ld+json`/`application/rdf+xml` the programme's DCAT-AP description (all its releases), " +
            "`application/vnd.citationstyles.csl+json`, `application/x-bibtex`, `text/x-bibliography` or `application/vnd.datacite.datacite+xml` " +
            "a citation of the latest release. Anything else is 406 listing them; a slug with no published release 404.");
        Configure(ids.MapMethods("/{slug}/{semver}", Downloads.GetAndHead, (string slug, string semver, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct) =>
                RedirectAsync(new Query(slug, semver), mediator, publicBase, http, ct)),
            "ResolveReleaseId", "Resolve a release's persistent address (public)",
            "`/id/programmes/{slug}/{semver}` names one release for good and never leads anywhere else (cached for a day). 303 See Other by " +
            "Accept, as for the programme's address, except that RDF leads to the release's own DCAT-AP description. Anything else is 406 " +
            "listing the media types; an unknown slug or version 404.");
    }

    private static void Configure(RouteHandlerBuilder route, string name, string summary, string description) =>
        route.WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .AllowAnonymous()
            .Produces(StatusCodes.Status303SeeOther)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesTypedProblem(StatusCodes.Status406NotAcceptable, AcceptNegotiation.Refusal);

    private static async Task<StatusCodeHttpResult> RedirectAsync(Query query, IMediator mediator, PublicBaseUrl publicBase, HttpContext http, CancellationToken ct)
    {
        // Negotiated first: a client that can take nothing offered learns so even for an address that does not exist.
        var mediaType = AcceptNegotiation.Choose(http.Request, Offered);
        var target = await mediator.Send(query, ct);
        var concept = query.SemanticVersion is null;
        http.Response.Headers.Location = publicBase.For(Location(target, mediaType, concept));
        http.Response.Headers.Vary = "Accept";
        http.Response.Headers.CacheControl = concept ? CatalogueRelease.CacheControl : "public, max-age=86400";
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    [GeneratedRegex(Release.SemanticVersionPattern)]
    private static partial Regex SemanticVersion();
}
