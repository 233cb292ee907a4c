using Mediator;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>One published release's DCAT-AP description: the version dataset and its distributions.</summary>
public static class GetDcatRelease
{
    public sealed record Query(string Slug, string SemanticVersion) : IQuery<DcatAnswer.Description>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, IOptions<OpenDataOptions> options, PublicBaseUrl publicBase)
        : IQueryHandler<Query, DcatAnswer.Description>
    {
        public async ValueTask<DcatAnswer.Description> Handle(Query query, CancellationToken ct)
        {
            var programme = (await DcatSource.ProgrammesAsync(db, [query.Slug], ct)).SingleOrDefault()
                            ?? throw Problem.NotFound(GetDcatProgramme.ProgrammeNoun, query.Slug);
            var index = programme.Releases.ToList().FindIndex(r => r.Row.SemanticVersion == query.SemanticVersion);
            if (index < 0)
            {
                throw Problem.NotFound(HandoverModule.ReleaseNoun, $"{query.Slug}/{query.SemanticVersion}");
            }

            var release = programme.Releases[index];
            var graph = new DcatGraph(options.Value, publicBase);
            var previous = index > 0 ? DcatGraph.ReleaseIri(publicBase, query.Slug, programme.Releases[index - 1].Row.SemanticVersion) : null;
            graph.AddRelease(query.Slug, release, previous);
            return new DcatAnswer.Description(graph.Graph, release.Row.SupersededAt ?? release.Row.PublishedAt);
        }
    }

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/dcat/programmes/{slug}/{semver}", Downloads.GetAndHead,
                async (string slug, string semver, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var mediaType = DcatAnswer.Negotiate(http.Request);
                    return DcatAnswer.Send(http, await mediator.Send(new Query(slug, semver), ct), mediaType);
                })
            .Describe("GetDcatRelease", "One release as a DCAT-AP dataset (public)",
                "The release's persistent address `/id/programmes/{slug}/{semver}` as a `dcat:Dataset`: `dcat:isVersionOf` the programme, " +
                "`dcat:previousVersion`, `dcat:version`, titles, keywords, theme, language, coverage, dates, access rights, publisher, contact " +
                "point, landing page, the accessibility statement's conformance, and every file (JSON, ZIP, IMS CC, DOCX, HTML pages, per-module " +
                "DOCX, assets) as a distribution with media type, format, size, SHA-256, download URL and licence. Unknown slug or version: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
