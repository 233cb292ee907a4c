using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;
using MiniExcelLibs;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Exports;

/// <summary>The exports: checksums that verify, the same bytes every time, accessible HTML, and a Common Cartridge that validates.</summary>
public sealed class ReleaseExportsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_bundle_checksums_verify_and_its_manifest_lists_every_file()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);

        var bytes = await (await api.CreateClient().GetAsync($"/api/v1/catalogue/releases/{release.Id}/files/zip")).Content.ReadAsByteArrayAsync();

        Assert.Equal(release.Files.Single(f => f.Format == "zip").Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var files = Entries(bytes);
        var sums = Encoding.UTF8.GetString(files["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        Assert.Equal(files.Keys.Where(k => k != "SHA256SUMS").Order(StringComparer.Ordinal), sums.Keys.Order(StringComparer.Ordinal));
        Assert.All(sums, s => Assert.Equal(s.Value, Convert.ToHexStringLower(SHA256.HashData(files[s.Key]))));
        var manifest = JsonDocument.Parse(files["manifest.json"]).RootElement;
        var listed = manifest.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString());
        Assert.Equal(files.Keys.Where(k => k is not "SHA256SUMS" and not "manifest.json").Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("html/index.html", files.Keys);
        Assert.Contains("markdown/program.md", files.Keys);
        var modules = new MemoryStream(files["tables/moduly.xlsx"]).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(6, modules.Count);
        Assert.StartsWith("\uFEFFKotwica,Rodzaj,Moduł,Tytuł,Godziny", Encoding.UTF8.GetString(files["tables/moduly.csv"]));
    }

    [Fact]
    public async Task Building_the_same_release_twice_gives_the_same_bytes()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var draft = await steps.DraftAsync(version.Id);

        var previews = new List<byte[]>();
        foreach (var format in new[] { "zip", "zip", "imscc", "imscc", "json", "json" })
        {
            previews.Add(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/{format}")).Content.ReadAsByteArrayAsync());
        }

        var published = await steps.PublishAsync(draft.Id);

        Assert.Equal(previews[0], previews[1]);
        Assert.Equal(previews[2], previews[3]);
        Assert.Equal(previews[4], previews[5]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(previews[4])), published.Files.Single(f => f.Format == "json").Sha256);
        // Publication stores what the preview showed, but for the index page (a draft's says it is not published; the published one cites it) and the lists of checksums.
        var stored = Entries(await api.CreateClient().GetByteArrayAsync($"/api/v1/catalogue/releases/{published.Id}/files/zip"));
        var previewed = Entries(previews[0]);
        Assert.Equal(previewed.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["SHA256SUMS", "html/index.html", "manifest.json"], stored.Keys.Where(k => !stored[k].AsSpan().SequenceEqual(previewed[k])).Order(StringComparer.Ordinal));
        var cartridge = Entries(await api.CreateClient().GetByteArrayAsync($"/api/v1/catalogue/releases/{published.Id}/files/imscc"));
        var previewedCartridge = Entries(previews[2]);
        Assert.Equal(["web/index.html"], cartridge.Keys.Where(k => !cartridge[k].AsSpan().SequenceEqual(previewedCartridge[k])));
    }

    [Fact]
    public async Task The_html_pages_are_polish_with_landmarks_a_table_of_contents_and_alt_text()
    {
        var (version, _, citation) = await steps.TestedVersionAsync();
        var draft = await steps.DraftAsync(version.Id);

        var files = Entries(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/zip")).Content.ReadAsByteArrayAsync());

        var pages = files.Where(f => f.Key.StartsWith("html/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["html/deklaracja-dostepnosci.html", "html/index.html", "html/modul-1.html", "html/modul-2.html", "html/wytyczne.html"],
            pages.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(pages, page =>
        {
            var html = Encoding.UTF8.GetString(page.Value);
            Assert.Contains("<html lang=\"pl\">", html);
            Assert.Contains("<main id=\"tresc\" tabindex=\"-1\">", html);
            Assert.Contains("<nav aria-label=\"Spis treści\">", html);
            Assert.Contains("<header>", html);
            Assert.Contains("<footer>", html);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));
            Assert.Contains("href=\"modul-2.html\"", html);
        });
        var module = Encoding.UTF8.GetString(files["html/modul-1.html"]);
        Assert.Contains("alt=\"Schemat sieci szkolnej\"", module);
        Assert.Contains("<dt>Podstawa prawna</dt>", module);
        Assert.Contains("(" + citation + ")</a>", module);
    }

    [Fact]
    public async Task The_common_cartridge_manifest_validates_against_the_ims_cc_1_1_schemas()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var draft = await steps.DraftAsync(version.Id);

        var files = Entries(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/imscc")).Content.ReadAsByteArrayAsync());

        var errors = Validate(files["imsmanifest.xml"]);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var manifest = XDocument.Parse(Encoding.UTF8.GetString(files["imsmanifest.xml"]));
        XNamespace cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
        var hrefs = manifest.Descendants(cp + "file").Select(f => f.Attribute("href")!.Value).ToList();
        Assert.Equal(5, hrefs.Count); // index, two modules, the guideline, the accessibility statement
        Assert.All(hrefs, href => Assert.True(files.ContainsKey(href), href + " is not in the package"));
        Assert.Equal("1.1.0", manifest.Descendants(cp + "schemaversion").Single().Value);
    }

    [Fact]
    public void The_validator_refuses_a_manifest_the_schema_forbids()
    {
        var bad = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="M_1" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
              <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion></metadata>
              <organizations><organization identifier="O_1" structure="hierarchical"><item identifier="I_root"/></organization></organizations>
              <resources/>
            </manifest>
            """.Trim());

        Assert.NotEmpty(Validate(bad));
    }

    [Fact]
    public async Task Release_json_validates_against_its_published_schema_in_the_json_and_the_zip()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var anonymous = api.CreateClient();

        var json = await (await anonymous.GetAsync($"/api/v1/catalogue/releases/{release.Id}/files/json")).Content.ReadAsByteArrayAsync();
        var zipped = Entries(await (await anonymous.GetAsync($"/api/v1/catalogue/releases/{release.Id}/files/zip")).Content.ReadAsByteArrayAsync())["release.json"];

        Assert.Empty(ReleaseSchemaErrors(JsonDocument.Parse(json).RootElement));
        Assert.Equal(json, zipped);
    }

    [Fact]
    public async Task The_release_schema_refuses_a_document_that_breaks_it()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var draft = await steps.DraftAsync(version.Id);
        var json = JsonNode.Parse(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/json")).Content.ReadAsByteArrayAsync())!.AsObject();

        json["releaseId"] = "not-a-uuid";
        json.Remove("semanticVersion");

        var errors = ReleaseSchemaErrors(JsonSerializer.SerializeToElement(json));
        Assert.Contains(errors, e => e.Contains("/releaseId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("semanticVersion", StringComparison.Ordinal));
    }

    /// <summary>The committed schema (api-spec/releases), built once: the library registers schemas by their $id.</summary>
    private static readonly Lazy<JsonSchema> ReleaseSchema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(Common.OpenApiContractTests.RepositoryRoot(), "api-spec", "releases", "release.v1.schema.json"))));

    private static List<string> ReleaseSchemaErrors(JsonElement document)
    {
        var results = ReleaseSchema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }

    /// <summary>The IMS schemas as published (copied unchanged into Schemas/imscc/cc-1.1 with their SOURCE.md).</summary>
    private static List<string> Validate(byte[] xml)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Features", "MaterialsHandover", "Schemas", "imscc", "cc-1.1");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Path.Combine(folder, "ccv1p1_imscp_v1p2_v1p0.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }))
        {
            schemas.Add(null, reader);
        }

        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var validating = XmlReader.Create(new MemoryStream(xml), settings);
        while (validating.Read())
        {
        }

        return errors;
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }
}
