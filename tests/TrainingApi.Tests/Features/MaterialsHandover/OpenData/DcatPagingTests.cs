using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Tests.Features.MaterialsHandover.OpenData.DcatSteps;

namespace TrainingApi.Tests.Features.MaterialsHandover.OpenData;

/// <summary>A catalogue of several programmes with several releases each, over several pages, as a harvester walks it.</summary>
public sealed class DcatPagingTests(DcatPagingTests.SmallPages api) : IClassFixture<DcatPagingTests.SmallPages>
{
    /// <summary>One dataset a page: the two reports and a programme (with all its releases) make three pages.</summary>
    public sealed class SmallPages : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OpenData:PageSize"] = "1" };
    }

    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient();

    [Fact]
    public async Task Hydra_next_links_lead_through_every_page_to_the_last_and_every_page_is_valid()
    {
        var expected = new List<string>();
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        foreach (var semver in new[] { "1.0.0", "1.1.0", "2.0.0" })
        {
            var release = await steps.PublishAsync((await steps.DraftAsync(version.Id, semver)).Id);
            var view = await (await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}"))
                .ShouldBeAsync<TrainingApi.Features.MaterialsHandover.Catalogue.CatalogueRelease>(System.Net.HttpStatusCode.OK);
            expected.Add(view.PersistentId);
        }

        var catalogue = ApiFactory.PublicBase + "/api/v1/catalogue/dcat";
        var datasets = new List<string>();
        var visited = new List<string>();
        var reports = new List<(int Violations, int Warnings, int Triples)>();
        var next = catalogue + "?page=1";
        while (next is not null)
        {
            Assert.True(visited.Count < 10, "the next links do not end");
            var turtle = await TurtleAsync(anyone, Relative(next));
            var triples = (await DcatCheck.ParseAsync("turtle", turtle)).Select(Parse).ToList();
            var report = await DcatCheck.ValidateAsync(turtle);
            reports.Add((report.Violations, report.Warnings, report.Triples));
            Assert.True(report.Violations == 0, DcatCheck.Summary(report, "Violation"));
            visited.Add(next);
            datasets.AddRange(Objects(triples, catalogue, Dcat + "dataset"));
            Assert.Equal([catalogue + "?page=1"], Objects(triples, next, Hydra + "first"));
            Assert.Equal(["\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>"], Objects(triples, next, Hydra + "totalItems"));
            var last = Assert.Single(Objects(triples, next, Hydra + "last"));
            next = Objects(triples, next, Hydra + "next").SingleOrDefault();
            Assert.True(next is not null || last == visited[^1], "the last page has no next link and is the one hydra:last names");
        }

        // Every release is listed once, on its programme's page.
        Assert.Equal(3, visited.Count);
        Assert.Equal(expected.Order(), datasets.Where(d => d.Contains("/id/programmes/", StringComparison.Ordinal) && d.Count(c => c == '/') > 6).Order());
        Assert.Equal(datasets.Count, datasets.Distinct().Count());
        Assert.Contains(catalogue + "#indicators", datasets);
        Assert.Contains(catalogue + "#adoption-counts", datasets);
        var (_, second) = await GraphAsync(anyone, "/api/v1/catalogue/dcat?page=2");
        Assert.Equal([catalogue + "?page=1"], Objects(second, catalogue + "?page=2", Hydra + "previous"));
    }
}
