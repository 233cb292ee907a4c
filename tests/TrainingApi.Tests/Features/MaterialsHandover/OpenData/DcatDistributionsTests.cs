using System.Net;
using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Tests.Features.MaterialsHandover.OpenData.DcatSteps;

namespace TrainingApi.Tests.Features.MaterialsHandover.OpenData;

/// <summary>Every file of a release is a distribution whose size and SHA-256 are those of the bytes its download URL serves.</summary>
public sealed class DcatDistributionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient();

    [Fact]
    public async Task Checksums_and_byte_sizes_equal_the_downloaded_bytes_of_every_distribution()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var view = await (await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}"))
            .ShouldBeAsync<TrainingApi.Features.MaterialsHandover.Catalogue.CatalogueRelease>(HttpStatusCode.OK);

        var (_, triples) = await GraphAsync(anyone, $"/api/v1/catalogue/dcat/programmes/{view.ProgrammeSlug}/1.0.0");

        var distributions = Objects(triples, view.PersistentId, Dcat + "distribution").ToList();
        var titles = distributions.SelectMany(d => Objects(triples, d, Dct + "title")).ToList();
        Assert.Contains(titles, t => t.Contains("index.html", StringComparison.Ordinal) || t.Contains("Strona główna", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("modul-1.docx", StringComparison.Ordinal));
        Assert.True(distributions.Count >= 4 + 1 + 2, $"{distributions.Count} distributions");
        foreach (var distribution in distributions)
        {
            var url = Assert.Single(Objects(triples, distribution, Dcat + "downloadURL"));
            var checksum = Assert.Single(Objects(triples, distribution, Spdx + "checksum"));
            var value = Assert.Single(Objects(triples, checksum, Spdx + "checksumValue"));
            var size = Assert.Single(Objects(triples, distribution, Dcat + "byteSize"));
            Assert.Equal([Spdx + "checksumAlgorithm_sha256"], Objects(triples, checksum, Spdx + "algorithm"));
            Assert.Single(Objects(triples, distribution, Dct + "license"));

            var response = await anyone.GetAsync(Relative(url));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal($"\"{Sha256(bytes)}\"^^<http://www.w3.org/2001/XMLSchema#hexBinary>", value);
            Assert.Equal($"\"{bytes.Length}\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>", size);
            Assert.Equal(response.Content.Headers.ContentType?.MediaType,
                Assert.Single(Objects(triples, distribution, Dcat + "mediaType"))["https://www.iana.org/assignments/media-types/".Length..]);
        }
    }
}
