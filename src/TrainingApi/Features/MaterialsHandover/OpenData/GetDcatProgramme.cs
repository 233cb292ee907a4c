using Mediator;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>One programme's DCAT-AP description: the concept dataset and every published release as a version of it.</summary>
public static class GetDcatProgramme
{
    public static readonly Text ProgrammeNoun = new("programme with published releases", "program z opublikowanymi wydaniami");

    public sealed record Query(string Slug) : IQuery<DcatAnswer.Description>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, IOptions<OpenDataOptions> options, PublicBaseUrl publicBase)
        : IQueryHandler<Query, DcatAnswer.Description>
    {
        public async ValueTask<DcatAnswer.Description> Handle(Query query, CancellationToken ct)
        {
            var programme = (await DcatSource.ProgrammesAsync(db, [query.Slug], ct)).SingleOrDefault() ?? throw Problem.NotFound(ProgrammeNoun, query.Slug);
            var graph = new DcatGraph(options.Value, publicBase);
            graph.AddProgramme(programme);
            return new DcatAnswer.Description(graph.Graph, programme.Releases.Max(r => r.Row.SupersededAt ?? r.Row.PublishedAt));
        }
    }

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods("/dcat/programmes/{slug}", Downloads.GetAndHead, async (string slug, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var mediaType = DcatAnswer.Negotiate(http.Request);
                    return DcatAnswer.Send(http, await mediator.Send(new Query(slug), ct), mediaType);
                })
            .Describe("GetDcatProgramme", "One programme as a DCAT-AP dataset with its versions (public)",
                "The programme's concept (its persistent address `/id/programmes/{slug}`) as a `dcat:Dataset` whose `dcat:hasVersion` are its " +
                "published releases, each a dataset with `dcat:isVersionOf`, `dcat:previousVersion`, `dcat:version` and its files as distributions. " +
                "An unknown slug, or one with nothing published, is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
