using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using TrainingApi.Features.MaterialsHandover.Exports;
using TrainingApi.Tests.Features.Curriculum.Assets;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Exports;

/// <summary>An image and a PDF attachment from upload to a published release: in every package, on the pages and in the public catalogue.</summary>
public sealed class ReleaseAssetsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    public static readonly string Module = """
        Sieć w szkole ma router, przełącznik i punkty dostępowe w salach.

        ![Schemat sieci szkolnej z routerem, przełącznikiem i trzema punktami dostępowymi](assets/schemat-sieci.png)

        Zasady udziału opisuje [regulamin naboru (PDF, 1 kB)](assets/regulamin-naboru.pdf).
        """;

    private async Task<(Guid ReleaseId, byte[] Png, byte[] Pdf, byte[] Preview, byte[] Preview2)> PublishedAsync()
    {
        var png = SampleImages.Png(320, 200);
        var pdf = SampleImages.Pdf();
        var version = await new AccessibleReleaseSteps(steps).TestedWithWaiversAsync(Module, _ => false, ("schemat-sieci.png", png), ("regulamin-naboru.pdf", pdf));
        var stored = await steps.Team.GetByteArrayAsync($"/api/v1/versions/{version.Id}/assets/schemat-sieci.png");
        var draft = await steps.DraftAsync(version.Id);
        var preview = await steps.Team.GetByteArrayAsync($"/api/v1/releases/{draft.Id}/files/zip");
        var preview2 = await steps.Team.GetByteArrayAsync($"/api/v1/releases/{draft.Id}/files/zip");
        await steps.PublishAsync(draft.Id);
        return (draft.Id, stored, pdf, preview, preview2);
    }

    [Fact]
    public async Task The_zip_carries_both_files_with_checksums_that_verify_and_builds_are_byte_identical()
    {
        var (releaseId, png, pdf, preview, preview2) = await PublishedAsync();

        var zip = await api.CreateClient().GetByteArrayAsync($"/api/v1/catalogue/releases/{releaseId}/files/zip");

        Assert.Equal(preview, preview2);
        var files = AccessibleReleaseSteps.Entries(zip);
        // The assets are stored as previewed; only the index page (draft or published) and the checksum lists differ.
        var previewed = AccessibleReleaseSteps.Entries(preview);
        Assert.Equal(["SHA256SUMS", "html/index.html", "manifest.json"], files.Keys.Where(k => !files[k].AsSpan().SequenceEqual(previewed[k])).Order(StringComparer.Ordinal));
        Assert.Equal(png, files["html/assets/schemat-sieci.png"]);
        Assert.Equal(pdf, files["html/assets/regulamin-naboru.pdf"]);
        var sums = Encoding.UTF8.GetString(files["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => line[66..], line => line[..64]);
        foreach (var (path, bytes) in files.Where(f => f.Key != "SHA256SUMS"))
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sums[path]);
        }

        Assert.Contains("html/assets/schemat-sieci.png", sums.Keys);
        var manifest = JsonDocument.Parse(files["manifest.json"]).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString());
        Assert.Contains("html/assets/regulamin-naboru.pdf", manifest);
        var release = JsonDocument.Parse(files["release.json"]).RootElement.GetProperty("assets");
        Assert.Equal(["regulamin-naboru.pdf", "schemat-sieci.png"], release.EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(320, release[1].GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task The_cartridge_lists_each_asset_as_webcontent_and_the_page_depends_on_it()
    {
        var (releaseId, png, _, _, _) = await PublishedAsync();

        var cartridge = AccessibleReleaseSteps.Entries(await api.CreateClient().GetByteArrayAsync($"/api/v1/catalogue/releases/{releaseId}/files/imscc"));

        Assert.Equal(png, cartridge["web/assets/schemat-sieci.png"]);
        var manifest = XDocument.Load(new MemoryStream(cartridge["imsmanifest.xml"]));
        var resources = manifest.Descendants(CommonCartridge.Cp + "resource").ToList();
        var image = resources.Single(r => (string?)r.Attribute("href") == "web/assets/schemat-sieci.png");
        Assert.Equal("webcontent", (string?)image.Attribute("type"));
        Assert.Equal("web/assets/schemat-sieci.png", (string?)image.Element(CommonCartridge.Cp + "file")!.Attribute("href"));
        var page = resources.Single(r => (string?)r.Attribute("href") == "web/modul-1.html");
        var pdf = resources.Single(r => (string?)r.Attribute("href") == "web/assets/regulamin-naboru.pdf");
        Assert.Equal([(string?)pdf.Attribute("identifier"), (string?)image.Attribute("identifier")],
            page.Elements(CommonCartridge.Cp + "dependency").Select(d => (string?)d.Attribute("identifierref")));
    }

    [Fact]
    public async Task The_page_shows_the_image_with_its_alt_text_and_the_catalogue_serves_both_where_the_page_finds_them()
    {
        var (releaseId, png, pdf, _, _) = await PublishedAsync();
        var anyone = api.CreateClient();

        var page = await anyone.GetStringAsync($"/api/v1/catalogue/releases/{releaseId}/pages/modul-1.html");
        var image = await anyone.GetAsync($"/api/v1/catalogue/releases/{releaseId}/pages/assets/schemat-sieci.png");
        var attachment = await anyone.GetAsync($"/api/v1/catalogue/releases/{releaseId}/pages/assets/regulamin-naboru.pdf");
        var missing = await anyone.GetAsync($"/api/v1/catalogue/releases/{releaseId}/pages/assets/nie-ma.png");

        Assert.Contains("<img src=\"assets/schemat-sieci.png\" width=\"320\" height=\"200\" alt=\"Schemat sieci szkolnej z routerem, przełącznikiem i trzema punktami dostępowymi\" />",
            page, StringComparison.Ordinal);
        Assert.Contains("href=\"assets/regulamin-naboru.pdf\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(png))}\"", image.Headers.ETag!.Tag);
        Assert.Contains("immutable", image.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(pdf, await attachment.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", attachment.Content.Headers.ContentDisposition!.DispositionType);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
