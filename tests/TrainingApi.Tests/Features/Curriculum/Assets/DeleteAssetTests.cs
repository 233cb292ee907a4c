using System.Net;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

public sealed class DeleteAssetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Curriculum => new(expert);
    private AssetSteps Assets => new(expert);

    [Fact]
    public async Task An_unused_asset_goes_with_its_bytes()
    {
        var version = await Curriculum.DraftAsync();
        var asset = await Assets.UploadAsync(version.Id, "stary-schemat.png", SampleImages.Png(41, 17, SKColors.SaddleBrown));

        var response = await expert.DeleteAsync(asset.Url);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await expert.GetAsync(asset.Url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var db = api.Db();
        Assert.False(await db.Context.Set<AssetBlob>().AnyAsync(b => b.Sha256 == asset.Sha256));
    }

    [Fact]
    public async Task Bytes_another_version_still_names_stay()
    {
        var version = await Curriculum.DraftAsync();
        var asset = await Assets.UploadAsync(version.Id, "schemat.png", SampleImages.Png(43, 19, SKColors.SeaGreen));
        var draft = await Curriculum.VersionAsync(version.ProgrammeId, "0.10", version.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await expert.DeleteAsync($"/api/v1/versions/{draft.Id}/assets/schemat.png")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync(asset.Url)).StatusCode);
        await using var db = api.Db();
        Assert.True(await db.Context.Set<AssetBlob>().AnyAsync(b => b.Sha256 == asset.Sha256));
    }

    [Fact]
    public async Task An_asset_sections_refer_to_is_a_409_listing_them_and_stays()
    {
        var version = await Curriculum.DraftAsync();
        await Assets.UploadAsync(version.Id, "schemat.png", SampleImages.Png(45, 21));
        await Curriculum.SectionAsync(version.Id, "modul-1", markdown: "Sieć szkoły.\n\n![Schemat sieci szkolnej z routerem i punktami dostępowymi](assets/schemat.png)");
        await Curriculum.SectionAsync(version.Id, "modul-2", markdown: "Zobacz [schemat sieci (PNG)](./assets/schemat.png).");
        await Curriculum.SectionAsync(version.Id, "modul-3", markdown: "Bez obrazów.");

        var response = await expert.DeleteAsync($"/api/v1/versions/{version.Id}/assets/schemat.png");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("asset-in-use", problem.GetProperty("code").GetString());
        Assert.Equal(["modul-1", "modul-2"], problem.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/versions/{version.Id}/assets/schemat.png")).StatusCode);
    }

    [Fact]
    public async Task A_frozen_versions_asset_cannot_be_deleted_and_an_unknown_one_is_404()
    {
        var version = await Curriculum.DraftAsync();
        await Assets.UploadAsync(version.Id, "schemat.png", SampleImages.Png(47, 23));
        await Curriculum.SectionAsync(version.Id, "modul-1");
        await Curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview);

        var frozen = await expert.DeleteAsync($"/api/v1/versions/{version.Id}/assets/schemat.png");
        var unknown = await expert.DeleteAsync($"/api/v1/versions/{version.Id}/assets/nie-ma.png");

        Assert.Equal("version-frozen", (await frozen.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
