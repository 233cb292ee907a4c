using System.Net;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

public sealed class UploadAssetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Curriculum => new(expert);
    private AssetSteps Assets => new(expert);

    [Fact]
    public async Task An_image_is_stored_once_under_its_sha256_with_its_type_recognised_from_the_bytes()
    {
        var version = await Curriculum.DraftAsync();
        var png = SampleImages.Png(320, 200);

        var response = await Assets.PutAsync(version.Id, "schemat-sieci.png", png, contentType: "text/plain");

        var asset = await response.ShouldBeAsync<AssetView>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/versions/{version.Id}/assets/schemat-sieci.png", response.Headers.Location!.OriginalString);
        Assert.Equal($"\"{asset.Sha256}\"", response.Headers.ETag!.Tag);
        Assert.Equal(("schemat-sieci.png", AssetKind.Image, "image/png", 320, 200), (asset.Name, asset.Kind, asset.MediaType, asset.Width, asset.Height));
        Assert.Empty(asset.UsedBy);
        var stored = await expert.GetAsync(asset.Url);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("image/png", stored.Content.Headers.ContentType!.MediaType);
        var bytes = await stored.Content.ReadAsByteArrayAsync();
        Assert.Equal(asset.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.Equal(asset.Size, bytes.LongLength);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((320, 200), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task The_same_bytes_under_two_names_and_in_two_versions_are_stored_once()
    {
        var version = await Curriculum.DraftAsync();
        var other = await Curriculum.DraftAsync();
        var png = SampleImages.Png(97, 61, SKColors.Crimson);

        var first = await Assets.UploadAsync(version.Id, "mapa.png", png);
        var second = await Assets.UploadAsync(version.Id, "mapa-kopia.png", png);
        var third = await Assets.UploadAsync(other.Id, "mapa.png", png);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.Sha256, third.Sha256);
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<AssetBlob>().CountAsync(b => b.Sha256 == first.Sha256));
        Assert.Equal(3, await db.Context.Set<VersionAsset>().CountAsync(a => a.Sha256 == first.Sha256));
    }

    [Fact]
    public async Task A_pdf_attachment_is_stored_as_uploaded()
    {
        var version = await Curriculum.DraftAsync();
        var pdf = SampleImages.Pdf();

        var asset = await Assets.UploadAsync(version.Id, "regulamin-naboru.pdf", pdf);

        Assert.Equal((AssetKind.Attachment, "application/pdf", (long)pdf.Length, (int?)null), (asset.Kind, asset.MediaType, asset.Size, asset.Width));
        var download = await expert.GetAsync(asset.Url);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("regulamin-naboru.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task Replacing_needs_the_current_etag_and_forgets_bytes_nothing_names()
    {
        var version = await Curriculum.DraftAsync();
        var old = await Assets.UploadAsync(version.Id, "schemat.png", SampleImages.Png(50, 50, SKColors.Olive));
        var replacement = SampleImages.Png(60, 40, SKColors.Teal);

        var withoutTag = await Assets.PutAsync(version.Id, "schemat.png", replacement);
        var staleTag = await Assets.PutAsync(version.Id, "schemat.png", replacement, "\"" + new string('0', 64) + "\"");
        var replaced = await Assets.PutAsync(version.Id, "schemat.png", replacement, $"\"{old.Sha256}\"");

        await withoutTag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await staleTag.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var now = await replaced.ShouldBeAsync<AssetView>(HttpStatusCode.OK);
        Assert.Equal((60, 40), (now.Width, now.Height));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<AssetBlob>().AnyAsync(b => b.Sha256 == old.Sha256));
    }

    [Fact]
    public async Task If_match_on_a_name_that_does_not_exist_is_412_and_creates_nothing()
    {
        var version = await Curriculum.DraftAsync();

        var response = await Assets.PutAsync(version.Id, "nowy.png", SampleImages.Png(10, 10), "\"" + new string('a', 64) + "\"");

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await using var db = api.Db();
        Assert.False(await db.Context.Set<VersionAsset>().AnyAsync(a => a.VersionId == version.Id));
    }

    [Theory]
    [InlineData("Schemat.png")]
    [InlineData("schemat sieci.png")]
    [InlineData("schemat.gif")]
    [InlineData("schemat")]
    [InlineData("-schemat.png")]
    [InlineData("..png")]
    public async Task A_name_outside_the_rules_is_a_400_naming_it(string name)
    {
        var version = await Curriculum.DraftAsync();

        var response = await Assets.PutAsync(version.Id, Uri.EscapeDataString(name), SampleImages.Png(10, 10));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_name_whose_extension_is_not_the_files_format_is_422_asset_name_mismatch()
    {
        var version = await Curriculum.DraftAsync();

        var response = await Assets.PutAsync(version.Id, "regulamin.png", SampleImages.Pdf());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("asset-name-mismatch", problem.GetProperty("code").GetString());
        Assert.Contains(".pdf", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = api.Db();
        Assert.False(await db.Context.Set<VersionAsset>().AnyAsync(a => a.VersionId == version.Id));
    }

    [Fact]
    public async Task A_frozen_version_refuses_uploads_with_409_and_stores_nothing()
    {
        var version = await Curriculum.DraftAsync();
        await Curriculum.SectionAsync(version.Id, "modul-1");
        await Curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview);
        var png = SampleImages.Png(33, 44, SKColors.Orchid);

        var response = await Assets.PutAsync(version.Id, "schemat.png", png);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("version-frozen", problem.GetProperty("code").GetString());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<VersionAsset>().AnyAsync(a => a.VersionId == version.Id));
        Assert.Equal(0, await db.Context.Set<AssetBlob>().CountAsync(b => b.Size == png.Length && b.Sha256 == sha));
    }

    [Fact]
    public async Task An_unknown_version_is_404_and_a_body_over_the_attachment_limit_is_413()
    {
        var missing = await Assets.PutAsync(Guid.NewGuid(), "schemat.png", SampleImages.Png(10, 10));
        var version = await Curriculum.DraftAsync();
        var huge = await Assets.PutAsync(version.Id, "wielki.pdf", new byte[21 * 1024 * 1024]);

        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await huge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task A_draft_made_from_a_version_carries_its_assets_and_shares_their_bytes()
    {
        var version = await Curriculum.DraftAsync();
        var image = await Assets.UploadAsync(version.Id, "schemat.png", SampleImages.Png(70, 20, SKColors.Maroon));
        var pdf = await Assets.UploadAsync(version.Id, "regulamin.pdf", SampleImages.Pdf("Regulamin kopii"));

        var draft = await Curriculum.VersionAsync(version.ProgrammeId, "0.10", version.Id);

        var listed = await (await expert.GetAsync($"/api/v1/versions/{draft.Id}/assets")).ShouldBeAsync<TrainingApi.Common.Http.Page<AssetView>>(HttpStatusCode.OK);
        Assert.Equal([("regulamin.pdf", pdf.Sha256), ("schemat.png", image.Sha256)], listed.Items.Select(a => (a.Name, a.Sha256)));
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/versions/{draft.Id}/assets/schemat.png")).StatusCode);
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<AssetBlob>().CountAsync(b => b.Sha256 == image.Sha256));
    }
}
