using TrainingApi.Common.Http;
using TrainingApi.Tests.Infrastructure;
using static TrainingApi.Tests.Features.MaterialsHandover.OpenData.DcatSteps;

namespace TrainingApi.Tests.Features.MaterialsHandover.OpenData;

/// <summary>A programme's versions in its DCAT description: a second publication appears at once, linked to the first.</summary>
public sealed class DcatVersionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient();

    [Fact]
    public async Task A_second_publication_adds_a_version_linked_to_the_previous_one_and_evicts_the_cached_description()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var first = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var catalogue = await (await anyone.GetAsync($"/api/v1/catalogue/releases/{first.Id}")).ShouldBeAsync<TrainingApi.Features.MaterialsHandover.Catalogue.CatalogueRelease>(System.Net.HttpStatusCode.OK);
        var slug = catalogue.ProgrammeSlug;
        var url = $"/api/v1/catalogue/dcat/programmes/{slug}";
        var (_, before) = await GraphAsync(anyone, url);
        await TurtleAsync(anyone, url); // kept by the fast lane by now

        await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);
        var (_, after) = await GraphAsync(anyone, url);

        var concept = $"{ApiFactory.PublicBase}/id/programmes/{slug}";
        var v1 = $"{concept}/1.0.0";
        var v2 = $"{concept}/1.1.0";
        Assert.Equal([v1], Objects(before, concept, Dcat + "hasVersion"));
        Assert.Equal([v1, v2], Objects(after, concept, Dcat + "hasVersion").Order());
        Assert.Equal([v1], Objects(after, v2, Dcat + "previousVersion"));
        Assert.Empty(Objects(after, v1, Dcat + "previousVersion"));
        Assert.Equal([concept], Objects(after, v2, Dcat + "isVersionOf"));
        Assert.Equal(["\"1.1.0\""], Objects(after, v2, Dcat + "version"));

        var (_, release) = await GraphAsync(anyone, $"{url}/1.1.0");
        Assert.Equal([v1], Objects(release, v2, Dcat + "previousVersion"));
        Assert.Contains(release, t => t.Subject == v2 && t.Predicate == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && t.Value == Dcat + "Dataset");
    }
}
