using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Assets.Inspection;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

/// <summary>
/// Hostile uploads over HTTP, each with a Content-Type that lies as an attacker's would: the refusal's status and code, a
/// detail that names the problem, and nothing stored. Then the good files: accepted, and images stored without their metadata.
/// </summary>
public sealed class UploadAssetRefusalsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly AssetLimits Limits = new();

    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    private sealed record Refusal(string Name, string ContentType, Func<byte[]> Bytes, HttpStatusCode Status, string Kind, string Code, string Detail);

    private static readonly Dictionary<string, Refusal> Refusals = new()
    {
        ["ELF executable renamed .png"] = new("zdjecie.png", "image/png", HostileFiles.ElfExecutable,
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", AssetProblems.TypeUnsupported, "an ELF executable"),
        ["Windows executable"] = new("schemat.png", "image/png", HostileFiles.WindowsExecutable,
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", AssetProblems.TypeUnsupported, "a Windows executable"),
        ["HTML page called .png"] = new("zdjecie.png", "image/png", HostileFiles.HtmlPage,
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", AssetProblems.TypeUnsupported, "an HTML document"),
        ["empty file"] = new("pusty.pdf", "application/pdf", () => [],
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", AssetProblems.TypeUnsupported, "an empty file"),
        ["plain ZIP called .docx"] = new("notatki.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", HostileFiles.PlainZip,
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", AssetProblems.TypeUnsupported, "a ZIP archive, not a DOCX"),
        ["GIF called .png"] = new("animacja.png", "image/png", HostileFiles.Gif,
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", AssetProblems.TypeUnsupported, "a GIF image"),
        ["OpenDocument presentation called .odt"] = new("prezentacja.odt", "application/vnd.oasis.opendocument.text", HostileFiles.Odp,
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type", AssetProblems.TypeUnsupported, "an OpenDocument file of type application/vnd.oasis.opendocument.presentation"),
        ["truncated PNG"] = new("schemat.png", "image/png", HostileFiles.TruncatedPng,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.Damaged, "PNG image is truncated or damaged"),
        ["SVG without a size"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgWithoutSize),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.Damaged, "neither width and height"),
        ["SVG with an image"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgWithImage),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "an <image> element"),
        ["SVG with a CSS url() elsewhere"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgWithCssUrl),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "url(https://tracker.example/pixel.svg#p)"),
        ["JPEG with HTML after its end"] = new("zdjecie.jpg", "image/jpeg", HostileFiles.JpegWithHtmlAfterEnd,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.Polyglot, "bytes of other data after its end"),
        ["DOCX with a path traversal entry"] = new("regulamin.docx", "application/octet-stream", HostileFiles.DocxWithPathTraversal,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.ArchiveUnsafe, "\"../../../home/user/.bashrc\" that points outside its folder"),
        ["DOCX with an encrypted part"] = new("regulamin.docx", "application/octet-stream", HostileFiles.DocxWithEncryptedPart,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.ArchiveUnsafe, "The document is encrypted"),
        ["SVG with a script"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgWithScript),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "a <script> element"),
        ["SVG with onload"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgWithOnload),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "onload=\"…\""),
        ["SVG with an external href"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgWithExternalHref),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "https://evil.example/sprite.svg#icon"),
        ["SVG with foreignObject"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgWithForeignObject),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "a <foreignObject> element"),
        ["SVG billion laughs"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgBillionLaughs()),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "DOCTYPE"),
        ["SVG use bomb"] = new("schemat.svg", "image/svg+xml", () => Utf8(HostileFiles.SvgUseBomb()),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafeSvg, "which itself holds <use> elements"),
        ["PNG with a ZIP appended"] = new("schemat.png", "image/png", HostileFiles.PngZipPolyglot,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.Polyglot, "has a ZIP archive inside it"),
        ["PDF with a ZIP inside"] = new("regulamin.pdf", "application/pdf", HostileFiles.PdfWithZip,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.Polyglot, "has a ZIP archive inside it"),
        ["PDF with JavaScript"] = new("regulamin.pdf", "application/pdf", HostileFiles.PdfWithJavaScript,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.UnsafePdf, "/JavaScript"),
        ["PNG of 20000 x 20000 px"] = new("mapa.png", "image/png", HostileFiles.HugeDimensionsPng,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.ImageTooLarge, "20000 × 20000 px; the limit is 8000 px a side and 40 megapixels"),
        ["image 1 byte over the limit"] = new("duzy.png", "image/png", () => HostileFiles.OneByteOverImageLimit(Limits.MaxImageBytes),
            HttpStatusCode.RequestEntityTooLarge, "payload-too-large", AssetProblems.TooLarge, "the limit for images is 5 MB"),
        ["DOCX zip bomb"] = new("bomba.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", () => HostileFiles.DocxZipBomb(),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.ArchiveUnsafe, "a ZIP bomb"),
        ["DOCX zip bomb declaring 1 KB"] = new("bomba.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", () => HostileFiles.DocxZipBomb(lie: true),
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.ArchiveUnsafe, "as a ZIP bomb does"),
        ["DOCX with macros"] = new("makra.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", HostileFiles.MacroDocx,
            HttpStatusCode.UnprocessableEntity, "unprocessable-content", AssetProblems.ArchiveUnsafe, "contains macros (\"word/vbaProject.bin\")"),
    };

    public static TheoryData<string> HostileSamples => [.. Refusals.Keys];

    [Theory]
    [MemberData(nameof(HostileSamples))]
    public async Task A_hostile_file_is_refused_with_its_code_and_a_detail_naming_the_problem_and_nothing_is_stored(string sample)
    {
        var refusal = Refusals[sample];
        var version = await new CurriculumSteps(team).DraftAsync();
        var (blobsBefore, assetsBefore) = await CountStoredAsync(version.Id);

        var response = await PutAsync(version.Id, refusal.Name, refusal.Bytes(), refusal.ContentType);

        var problem = await response.ShouldBeProblemAsync(refusal.Status, refusal.Kind);
        Assert.Equal(refusal.Code, problem.GetProperty("code").GetString());
        Assert.Contains(refusal.Detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((blobsBefore, assetsBefore), await CountStoredAsync(version.Id));
    }

    [Fact]
    public async Task A_refusal_detail_is_in_polish_when_asked()
    {
        var version = await new CurriculumSteps(team).DraftAsync();
        var request = Put(version.Id, "zdjecie.png", HostileFiles.ElfExecutable(), "image/png");
        request.Headers.AcceptLanguage.ParseAdd("pl");

        var problem = await (await team.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        Assert.Contains("plikiem wykonywalnym ELF", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jpeg_photo_is_stored_without_exif_or_gps_and_turned_as_its_orientation_said()
    {
        var version = await new CurriculumSteps(team).DraftAsync();

        var asset = await (await PutAsync(version.Id, "zdjecie.jpg", HostileFiles.JpegWithGps(), "application/octet-stream"))
            .ShouldBeAsync<AssetView>(HttpStatusCode.Created);

        Assert.Equal((AssetKind.Image, "image/jpeg"), (asset.Kind, asset.MediaType));
        Assert.Equal((HostileFiles.PhotoHeight, HostileFiles.PhotoWidth), (asset.Width, asset.Height));
        var stored = await DownloadAsync(asset.Url);
        Assert.Equal(asset.Size, stored.LongLength);
        AssertNoMetadata(stored, "Exif");
        AssertDecodes(stored, SKEncodedImageFormat.Jpeg, HostileFiles.PhotoHeight, HostileFiles.PhotoWidth);
    }

    [Fact]
    public async Task A_png_is_stored_without_its_exif_and_text_chunks()
    {
        var version = await new CurriculumSteps(team).DraftAsync();

        var asset = await (await PutAsync(version.Id, "mapa.png", HostileFiles.PngWithGps(), "image/jpeg"))
            .ShouldBeAsync<AssetView>(HttpStatusCode.Created);

        Assert.Equal(("image/png", HostileFiles.PhotoWidth, HostileFiles.PhotoHeight), (asset.MediaType, asset.Width, asset.Height));
        var stored = await DownloadAsync(asset.Url);
        AssertNoMetadata(stored, "eXIf", "tEXt", "Exif");
        AssertDecodes(stored, SKEncodedImageFormat.Png, HostileFiles.PhotoWidth, HostileFiles.PhotoHeight);
    }

    [Fact]
    public async Task A_webp_is_accepted_and_re_encoded()
    {
        var version = await new CurriculumSteps(team).DraftAsync();

        var asset = await (await PutAsync(version.Id, "tlo.webp", HostileFiles.Webp(), "text/plain")).ShouldBeAsync<AssetView>(HttpStatusCode.Created);

        Assert.Equal(("image/webp", HostileFiles.PhotoWidth, HostileFiles.PhotoHeight), (asset.MediaType, asset.Width, asset.Height));
        AssertDecodes(await DownloadAsync(asset.Url), SKEncodedImageFormat.Webp, HostileFiles.PhotoWidth, HostileFiles.PhotoHeight);
    }

    [Fact]
    public async Task A_clean_svg_is_stored_without_comments_metadata_or_the_editors_namespaces()
    {
        var version = await new CurriculumSteps(team).DraftAsync();

        var asset = await (await PutAsync(version.Id, "schemat.svg", Utf8(HostileFiles.CleanSvg), "application/octet-stream"))
            .ShouldBeAsync<AssetView>(HttpStatusCode.Created);

        Assert.Equal(("image/svg+xml", 400, 300), (asset.MediaType, asset.Width, asset.Height));
        var svg = Encoding.UTF8.GetString(await DownloadAsync(asset.Url));
        foreach (var gone in new[] { "<!--", "Inkscape", "inkscape", "sodipodi", "metadata", "rdf", "Jan Kowalski", "<?xml" })
        {
            Assert.DoesNotContain(gone, svg, StringComparison.Ordinal);
        }

        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>Schemat sieci szkolnej</title>", svg, StringComparison.Ordinal);
        Assert.Contains("style=\"fill:url(#g1);stroke:#333\"", svg, StringComparison.Ordinal);
        Assert.Contains("href=\"#box\"", svg, StringComparison.Ordinal);
        Assert.Contains(">Serwer</text>", svg, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Attachments => new()
    {
        { "regulamin.docx", AssetFormat.Docx.MediaType },
        { "harmonogram.xlsx", AssetFormat.Xlsx.MediaType },
        { "regulamin.odt", AssetFormat.Odt.MediaType },
        { "harmonogram.ods", AssetFormat.Ods.MediaType },
        { "regulamin.pdf", AssetFormat.Pdf.MediaType },
    };

    [Theory]
    [MemberData(nameof(Attachments))]
    public async Task A_valid_attachment_is_accepted_with_its_media_type_and_stored_as_uploaded(string name, string mediaType)
    {
        var version = await new CurriculumSteps(team).DraftAsync();
        var bytes = AssetFormat.ForMediaType(mediaType)!.Id switch
        {
            "docx" => HostileFiles.Docx(),
            "xlsx" => HostileFiles.Xlsx(),
            "odt" => HostileFiles.Odt(),
            "ods" => HostileFiles.Ods(),
            _ => SampleImages.Pdf(),
        };

        var asset = await (await PutAsync(version.Id, name, bytes, "application/zip")).ShouldBeAsync<AssetView>(HttpStatusCode.Created);

        Assert.Equal((AssetKind.Attachment, mediaType, (int?)null, (int?)null), (asset.Kind, asset.MediaType, asset.Width, asset.Height));
        Assert.Equal(bytes, await DownloadAsync(asset.Url));
    }

    public static TheoryData<string> ValidSamples => ["png", "jpg", "webp", "svg", "pdf", "docx", "xlsx", "odt", "ods"];

    /// <summary>
    /// Valid files cut short and with bytes flipped (a fixed seed, so a failure repeats): whatever a decoder or parser makes of
    /// them, the answer is an acceptance or a refusal, never a server error.
    /// </summary>
    [Theory]
    [MemberData(nameof(ValidSamples))]
    public async Task A_damaged_file_is_accepted_or_refused_but_never_a_server_error(string extension)
    {
        var version = await new CurriculumSteps(team).DraftAsync();
        var valid = extension switch
        {
            "png" => HostileFiles.PngWithGps(),
            "jpg" => HostileFiles.JpegWithGps(),
            "webp" => HostileFiles.Webp(),
            "svg" => Utf8(HostileFiles.CleanSvg),
            "pdf" => SampleImages.Pdf(),
            "docx" => HostileFiles.Docx(),
            "xlsx" => HostileFiles.Xlsx(),
            "odt" => HostileFiles.Odt(),
            _ => HostileFiles.Ods(),
        };
        var random = new Random(20261207);
        var damaged = new List<byte[]>();
        foreach (var cut in new[] { 1, 8, 40, valid.Length / 3, valid.Length / 2, valid.Length - 1 })
        {
            damaged.Add(valid[..cut]);
        }

        for (var i = 0; i < 12; i++)
        {
            var flipped = (byte[])valid.Clone();
            for (var k = 0; k < 1 + i % 4; k++)
            {
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            }

            damaged.Add(flipped);
        }

        for (var i = 0; i < damaged.Count; i++)
        {
            var response = await PutAsync(version.Id, $"plik-{i}.{extension}", damaged[i], "application/octet-stream");
            var status = (int)response.StatusCode;
            Assert.True(status is 201 or 413 or 415 or 422, $"Sample {i}: {status} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<(int Blobs, int Assets)> CountStoredAsync(Guid versionId)
    {
        await using var db = api.Db();
        return (await db.Context.Set<AssetBlob>().CountAsync(), await db.Context.Set<VersionAsset>().CountAsync(a => a.VersionId == versionId));
    }

    private Task<HttpResponseMessage> PutAsync(Guid versionId, string name, byte[] bytes, string contentType) =>
        team.SendAsync(Put(versionId, name, bytes, contentType));

    private static HttpRequestMessage Put(Guid versionId, string name, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Put, $"/api/v1/versions/{versionId}/assets/{name}") { Content = content };
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        var response = await team.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static void AssertNoMetadata(byte[] stored, params string[] markers)
    {
        foreach (var marker in markers.Append(HostileFiles.SecretArtist).Append("GPS"))
        {
            Assert.True(HostileFiles.IndexOf(stored, Encoding.ASCII.GetBytes(marker)) < 0, $"The stored image still holds \"{marker}\".");
        }
    }

    private static void AssertDecodes(byte[] stored, SKEncodedImageFormat format, int width, int height)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(stored));
        Assert.NotNull(codec);
        Assert.Equal(format, codec.EncodedFormat);
        Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        using var bitmap = SKBitmap.Decode(codec);
        Assert.NotNull(bitmap);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
