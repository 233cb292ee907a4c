using System.Net;
using System.Xml.Linq;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Citations;

/// <summary>The programme's own DataCite record: the concept a concept DOI would be registered for, with every published version.</summary>
public sealed class GetProgrammeDataCiteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly XNamespace DataCite = "http://datacite.org/schema/kernel-4";
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_concept_record_validates_against_the_kernel_4_5_schema_and_has_each_published_version()
    {
        var first = await CitationChecks.PublishAsync(steps, "1.0.0");
        var second = await CitationChecks.PublishAsync(steps, "1.1.0", first.VersionId);
        var slug = first.Release.ProgrammeSlug;
        var anyone = api.CreateClient();

        var response = await anyone.GetAsync($"/api/v1/catalogue/programmes/{slug}/citations/datacite");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.datacite.datacite+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Equal(second.Release.PublishedAt.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
        var xml = await response.Content.ReadAsByteArrayAsync();
        var errors = CitationChecks.DataCiteErrors(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var record = XDocument.Load(new MemoryStream(xml)).Root!;
        Assert.Equal($"{ApiFactory.PublicBase}/id/programmes/{slug}", record.Element(DataCite + "alternateIdentifiers")!.Element(DataCite + "alternateIdentifier")!.Value);
        Assert.Equal(first.ProgrammeTitle, record.Element(DataCite + "titles")!.Element(DataCite + "title")!.Value);
        Assert.Null(record.Element(DataCite + "version"));
        Assert.Equal(
            [("HasVersion", $"{ApiFactory.PublicBase}/id/programmes/{slug}/1.0.0"), ("HasVersion", $"{ApiFactory.PublicBase}/id/programmes/{slug}/1.1.0")],
            record.Element(DataCite + "relatedIdentifiers")!.Elements().Select(r => (r.Attribute("relationType")!.Value, r.Value)));

        var again = await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/catalogue/programmes/{slug}/citations/datacite")
        {
            Headers = { { "If-None-Match", response.Headers.ETag!.ToString() } },
        });
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task A_programme_with_no_published_release_or_an_unknown_slug_is_not_found()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var draft = await steps.DraftAsync(version.Id);
        var programme = await (await steps.Team.GetAsync($"/api/v1/programmes/{draft.ProgrammeId}"))
            .ShouldBeAsync<TrainingApi.Features.Curriculum.ProgrammeView>(HttpStatusCode.OK);
        var anyone = api.CreateClient();

        Assert.False(string.IsNullOrEmpty(programme.Slug));
        await (await anyone.GetAsync($"/api/v1/catalogue/programmes/{programme.Slug}/citations/datacite")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await anyone.GetAsync("/api/v1/catalogue/programmes/nie-ma-takiego-programu/citations/datacite")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
