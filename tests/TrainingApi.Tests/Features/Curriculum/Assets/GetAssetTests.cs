using System.Net;
using System.Net.Http.Headers;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

public sealed class GetAssetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Curriculum => new(expert);

    [Fact]
    public async Task The_bytes_with_a_strong_etag_a_304_when_unchanged_and_a_head_without_body()
    {
        var version = await Curriculum.DraftAsync();
        var asset = await new AssetSteps(expert).UploadAsync(version.Id, "schemat.png", SampleImages.Png(90, 45));

        var conditional = new HttpRequestMessage(HttpMethod.Get, asset.Url);
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{asset.Sha256}\""));
        var notModified = await expert.SendAsync(conditional);
        var head = await expert.SendAsync(new HttpRequestMessage(HttpMethod.Head, asset.Url));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(asset.Size, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", head.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task An_unknown_asset_is_a_404_problem()
    {
        var version = await Curriculum.DraftAsync();

        var response = await expert.GetAsync($"/api/v1/versions/{version.Id}/assets/nie-ma.png");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
