using System.Globalization;
using Mediator;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>
/// The DCAT-AP catalogue for harvesters (dane.gov.pl, data.europa.eu): the reports first, then the programmes by slug, each with
/// all its releases, a page at a time (Hydra).
/// </summary>
public static class GetDcatCatalogue
{
    private static readonly Text PageNoun = new("page of the catalogue", "strona katalogu");

    public sealed record Query(int Page) : IQuery<DcatAnswer.Description>;

    public sealed class Handler([FromKeyedServices(ReadOnlyDatabase.Key)] TrainingDb db, IOptions<OpenDataOptions> options, PublicBaseUrl publicBase)
        : IQueryHandler<Query, DcatAnswer.Description>
    {
        /// <summary>The two report datasets take the first two places of the first page.</summary>
        private const int Reports = 2;

        public async ValueTask<DcatAnswer.Description> Handle(Query query, CancellationToken ct)
        {
            var size = Math.Max(1, options.Value.PageSize);
            var slugs = await DcatSource.SlugsAsync(db, ct);
            var total = Reports + slugs.Count;
            var pages = (total + size - 1) / size;
            if (query.Page > pages)
            {
                throw Problem.NotFound(PageNoun, query.Page);
            }

            var from = (query.Page - 1) * size;
            var to = Math.Min(from + size, total);
            var onPage = slugs.Skip(Math.Max(from, Reports) - Reports).Take(Math.Max(0, to - Math.Max(from, Reports))).ToList();
            var programmes = onPage.Count == 0 ? [] : await DcatSource.ProgrammesAsync(db, onPage, ct);
            var (first, last) = await DcatSource.DatesAsync(db, ct);
            var graph = new DcatGraph(options.Value, publicBase);
            graph.AddCatalogue(programmes, indicators: from <= 0 && to > 0, adoptions: from <= 1 && to > 1, new CataloguePage(query.Page, pages, total), first, last);
            return new DcatAnswer.Description(graph.Graph, last);
        }
    }

    public static int ParsePage(string? page) =>
        page is null ? 1
        : int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number
        : throw Problem.Validation("page", new Text("A page number from 1.", "Numer strony od 1."));

    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapMethods(DcatGraph.CataloguePath["/api/v1/catalogue".Length..], Downloads.GetAndHead,
                async (string? page, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var mediaType = DcatAnswer.Negotiate(http.Request);
                    return DcatAnswer.Send(http, await mediator.Send(new Query(ParsePage(page)), ct), mediaType);
                })
            .Describe("GetDcatCatalogue", "The open-data catalogue in DCAT-AP 3.0 (public)",
                "A `dcat:Catalog` published by the operator (name, type, homepage, contact point) with its datasets: the indicator report and " +
                "the adoption counts (CSV, XLSX, JSON), and each programme as a dataset whose versions (`dcat:hasVersion`) are its published " +
                "releases, every file of a release a distribution with media type, size, SHA-256 and download URL. Paged for harvesters with " +
                "Hydra (`hydra:PartialCollectionView`: first, previous, next, last, totalItems); `page` from 1, a programme always on one page " +
                "with its releases; a page past the last is 404.", "page")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
