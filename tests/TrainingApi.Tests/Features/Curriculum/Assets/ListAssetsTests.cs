using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

public sealed class ListAssetsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Curriculum => new(expert);
    private AssetSteps Assets => new(expert);

    [Fact]
    public async Task Lists_by_name_in_pages_with_the_sections_that_use_each()
    {
        var version = await Curriculum.DraftAsync();
        foreach (var name in new[] { "c-mapa.png", "a-schemat.png", "b-regulamin.pdf" })
        {
            await Assets.UploadAsync(version.Id, name, name.EndsWith(".pdf", StringComparison.Ordinal) ? SampleImages.Pdf(name) : SampleImages.Png(20 + name[0], 20));
        }

        await Curriculum.SectionAsync(version.Id, "modul-1", markdown: "[Regulamin naboru (PDF, 1 kB)](assets/b-regulamin.pdf)");

        var first = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/assets?limit=2")).ShouldBeAsync<Page<AssetView>>(HttpStatusCode.OK);
        var second = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/assets?limit=2&cursor={first.NextCursor}")).ShouldBeAsync<Page<AssetView>>(HttpStatusCode.OK);

        Assert.Equal(["a-schemat.png", "b-regulamin.pdf"], first.Items.Select(a => a.Name));
        Assert.Equal(["modul-1"], first.Items[1].UsedBy);
        Assert.Equal(["c-mapa.png"], second.Items.Select(a => a.Name));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_cursor_that_names_no_asset_is_a_400_and_a_coordinator_sees_no_draft()
    {
        var version = await Curriculum.DraftAsync();
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: "1201022");

        var bad = await expert.GetAsync($"/api/v1/versions/{version.Id}/assets?cursor=%%%");
        var hidden = await coordinator.GetAsync($"/api/v1/versions/{version.Id}/assets");

        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await hidden.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
