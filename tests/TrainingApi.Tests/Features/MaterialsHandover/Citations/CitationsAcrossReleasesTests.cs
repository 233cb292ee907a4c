using System.Xml.Linq;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Citations;

/// <summary>
/// A release's citation never changes meaning: a later publication leaves the earlier release's records byte for byte as they were
/// (they never name releases after them), the new release names the one it superseded, and the programme's record gains the version.
/// </summary>
public sealed class CitationsAcrossReleasesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly XNamespace DataCite = "http://datacite.org/schema/kernel-4";
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task A_second_publication_changes_nothing_in_the_first_releases_citations_and_the_new_one_is_its_new_version()
    {
        var first = await CitationChecks.PublishAsync(steps, "1.0.0");
        var anyone = api.CreateClient();
        var formats = new[] { "csl-json", "bibtex", "text", "datacite" };
        var before = new Dictionary<string, byte[]>();
        foreach (var format in formats)
        {
            before[format] = await anyone.GetByteArrayAsync($"/api/v1/catalogue/releases/{first.Release.Id}/citations/{format}");
        }

        var second = await CitationChecks.PublishAsync(steps, "2.0.0", first.VersionId);

        foreach (var format in formats)
        {
            Assert.Equal(before[format], await anyone.GetByteArrayAsync($"/api/v1/catalogue/releases/{first.Release.Id}/citations/{format}"));
        }

        var slug = first.Release.ProgrammeSlug;
        var newer = XDocument.Parse(await anyone.GetStringAsync($"/api/v1/catalogue/releases/{second.Release.Id}/citations/datacite")).Root!;
        Assert.Equal(
            [("IsVersionOf", $"{ApiFactory.PublicBase}/id/programmes/{slug}"), ("IsNewVersionOf", $"{ApiFactory.PublicBase}/id/programmes/{slug}/1.0.0")],
            newer.Element(DataCite + "relatedIdentifiers")!.Elements().Select(r => (r.Attribute("relationType")!.Value, r.Value)));
        var errors = CitationChecks.DataCiteErrors(System.Text.Encoding.UTF8.GetBytes(newer.Document!.ToString()));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains($"{ApiFactory.PublicBase}/id/programmes/{slug}/1.0.0",
            System.Text.Json.JsonDocument.Parse(await anyone.GetByteArrayAsync($"/api/v1/catalogue/releases/{second.Release.Id}/citations/csl-json")).RootElement[0]
                .GetProperty("custom").GetProperty("previous-version-url").GetString(), StringComparison.Ordinal);
        var concept = XDocument.Parse(await anyone.GetStringAsync($"/api/v1/catalogue/programmes/{slug}/citations/datacite")).Root!;
        Assert.Equal(2, concept.Element(DataCite + "relatedIdentifiers")!.Elements().Count(r => r.Attribute("relationType")!.Value == "HasVersion"));
    }
}
