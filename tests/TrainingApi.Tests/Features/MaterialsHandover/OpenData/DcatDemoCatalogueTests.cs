using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.OpenData;

/// <summary>The demo catalogue as a harvester reads it: valid by the official DCAT-AP 3.0.1 shapes, the same graph in all three syntaxes.</summary>
public sealed class DcatDemoCatalogueTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task The_demo_catalogue_has_no_SHACL_violation()
    {
        var turtle = await GetAsync("/api/v1/catalogue/dcat", "text/turtle");

        var report = await DcatCheck.ValidateAsync(turtle);

        Assert.True(report.Violations == 0, DcatCheck.Summary(report, "Violation"));
        Assert.True(report.Triples > 200, $"{report.Triples} triples");
    }

    [Fact]
    public async Task Turtle_JSON_LD_and_RDF_XML_parse_to_the_same_graph()
    {
        var turtle = await DcatCheck.ParseAsync("turtle", await GetAsync("/api/v1/catalogue/dcat", "text/turtle"));
        var jsonLd = await DcatCheck.ParseAsync("jsonld", await GetAsync("/api/v1/catalogue/dcat", "application/ld+json"));
        var rdfXml = await DcatCheck.ParseAsync("rdfxml", await GetAsync("/api/v1/catalogue/dcat", "application/rdf+xml"));

        Assert.NotEmpty(turtle);
        Assert.Empty(turtle.Except(jsonLd));
        Assert.Empty(jsonLd.Except(turtle));
        Assert.Empty(turtle.Except(rdfXml));
        Assert.Empty(rdfXml.Except(turtle));
    }

    private async Task<byte[]> GetAsync(string url, string accept)
    {
        var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
