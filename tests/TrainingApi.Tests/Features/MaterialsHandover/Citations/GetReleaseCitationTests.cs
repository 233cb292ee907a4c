using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using TrainingApi.Features.MaterialsHandover.Citations;
using TrainingApi.Features.MaterialsHandover.OpenData;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Citations;

/// <summary>A published release cited in CSL-JSON, BibTeX, Polish text and DataCite XML, each checked the way its readers check it.</summary>
public sealed class GetReleaseCitationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly XNamespace DataCite = "http://datacite.org/schema/kernel-4";
    private readonly HandoverSteps steps = new(api);

    private static string Url(Guid releaseId, string format) => $"/api/v1/catalogue/releases/{releaseId}/citations/{format}";

    [Fact]
    public async Task Every_format_names_the_title_version_date_publisher_and_persistent_address()
    {
        var published = await CitationChecks.PublishAsync(steps, "1.3.0");
        var release = published.Release;
        var anyone = api.CreateClient();
        var persistent = $"{ApiFactory.PublicBase}/id/programmes/{release.ProgrammeSlug}/1.3.0";
        var day = TimeZoneInfo.ConvertTime(release.PublishedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var publisher = new OpenDataOptions().PublisherName;

        foreach (var (format, mediaType, extension) in new[]
                 {
                     ("csl-json", "application/vnd.citationstyles.csl+json", ".csl.json"), ("bibtex", "application/x-bibtex", ".bib"), ("text", "text/plain", ".txt"),
                     ("datacite", "application/vnd.datacite.datacite+xml", ".datacite.xml"),
                 })
        {
            var response = await anyone.GetAsync(Url(release.Id, format));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.EndsWith(extension, response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
            Assert.Equal(["pl"], response.Content.Headers.ContentLanguage);
            Assert.Equal(release.PublishedAt.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
            Assert.NotNull(response.Headers.ETag);
            Assert.Equal("public, max-age=86400", response.Headers.CacheControl!.ToString());
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains(persistent, text, StringComparison.Ordinal);
            Assert.Contains("1.3.0", text, StringComparison.Ordinal);
            Assert.Contains(release.PublishedAt.Year.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            if (format != "bibtex")
            {
                // BibTeX writes Polish letters as TeX commands; its own test reads them back.
                Assert.Contains(published.ProgrammeTitle, text, StringComparison.Ordinal);
                Assert.Contains(publisher, text, StringComparison.Ordinal);
            }
        }

        var csl = JsonDocument.Parse(await anyone.GetByteArrayAsync(Url(release.Id, "csl-json"))).RootElement[0];
        Assert.Equal($"{published.ProgrammeTitle}: Program i wytyczne po pilotażu", csl.GetProperty("title").GetString());
        Assert.Equal("1.3.0", csl.GetProperty("version").GetString());
        Assert.Equal(persistent, csl.GetProperty("URL").GetString());
        Assert.Equal(publisher, csl.GetProperty("publisher").GetString());
        Assert.Equal(day, string.Join('-', csl.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select((p, i) => p.GetInt32().ToString(i == 0 ? "D4" : "D2", CultureInfo.InvariantCulture))));

        var line = await anyone.GetStringAsync(Url(release.Id, "text"));
        Assert.Equal($"{publisher}. ({day[..4]}). {published.ProgrammeTitle}: Program i wytyczne po pilotażu (wersja 1.3.0) [materiały szkoleniowe]. {persistent}\n", line);

        var record = XDocument.Parse(await anyone.GetStringAsync(Url(release.Id, "datacite"))).Root!;
        Assert.Equal(day, record.Element(DataCite + "dates")!.Elements(DataCite + "date").Single(d => d.Attribute("dateType")!.Value == "Issued").Value);
        Assert.Equal(persistent, record.Element(DataCite + "alternateIdentifiers")!.Element(DataCite + "alternateIdentifier")!.Value);
        Assert.Equal("(:tba)", record.Element(DataCite + "identifier")!.Value);
        Assert.Equal("DOI", record.Element(DataCite + "identifier")!.Attribute("identifierType")!.Value);
        Assert.Equal(publisher, record.Element(DataCite + "publisher")!.Value);
        Assert.Equal("1.3.0", record.Element(DataCite + "version")!.Value);
        Assert.Equal("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", record.Element(DataCite + "rightsList")!.Element(DataCite + "rights")!.Attribute("rightsURI")!.Value);
        Assert.Equal([("IsVersionOf", $"{ApiFactory.PublicBase}/id/programmes/{release.ProgrammeSlug}")],
            record.Element(DataCite + "relatedIdentifiers")!.Elements().Select(r => (r.Attribute("relationType")!.Value, r.Value)));
    }

    [Fact]
    public async Task The_csl_json_validates_against_the_official_csl_data_schema_which_refuses_a_broken_item()
    {
        var release = (await CitationChecks.PublishAsync(steps)).Release;

        var items = JsonDocument.Parse(await api.CreateClient().GetByteArrayAsync(Url(release.Id, "csl-json"))).RootElement;

        Assert.Equal(JsonValueKind.Array, items.ValueKind);
        Assert.Equal(1, items.GetArrayLength());
        var errors = CitationChecks.CslErrors(items);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // The schema is strict enough to notice: an unknown type and a member CSL does not have are refused.
        var broken = System.Text.Json.Nodes.JsonNode.Parse(items.GetRawText())!;
        broken[0]!["type"] = "course";
        broken[0]!["license"] = "CC-BY-4.0";
        Assert.NotEmpty(CitationChecks.CslErrors(JsonSerializer.SerializeToElement(broken)));
    }

    [Fact]
    public async Task The_datacite_record_validates_against_the_official_kernel_4_5_schema_which_refuses_a_record_without_a_publisher()
    {
        var release = (await CitationChecks.PublishAsync(steps)).Release;

        var xml = await api.CreateClient().GetByteArrayAsync(Url(release.Id, "datacite"));

        var errors = CitationChecks.DataCiteErrors(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var broken = XDocument.Parse(Encoding.UTF8.GetString(xml));
        broken.Root!.Element(DataCite + "publisher")!.Remove();
        Assert.NotEmpty(CitationChecks.DataCiteErrors(Encoding.UTF8.GetBytes(broken.ToString())));
    }

    [Fact]
    public async Task The_bibtex_entry_parses_with_balanced_braces_and_every_field_a_citation_needs()
    {
        var published = await CitationChecks.PublishAsync(steps, "1.0.1");
        var release = published.Release;

        var text = await api.CreateClient().GetStringAsync(Url(release.Id, "bibtex"));

        var (type, key, fields) = CitationChecks.ParseBibTex(text);
        Assert.Equal("manual", type);
        Assert.Equal($"{release.ProgrammeSlug}-1.0.1", key);
        Assert.Equal($"{ApiFactory.PublicBase}/id/programmes/{release.ProgrammeSlug}/1.0.1", fields["url"]);
        Assert.Equal("1.0.1", fields["version"]);
        Assert.Equal(release.PublishedAt.Year.ToString(CultureInfo.InvariantCulture), fields["year"]);
        Assert.Equal("{O{\\'s}rodek Rozwoju Edukacji}", fields["author"]);
        Assert.Equal("O{\\'s}rodek Rozwoju Edukacji", fields["organization"]);
        Assert.Equal("polish", fields["language"]);
        Assert.Contains("Program i wytyczne po pilota{\\.z}u", fields["title"], StringComparison.Ordinal);
        Assert.Contains("CC-BY-4.0", fields["note"], StringComparison.Ordinal);
        Assert.True(text.All(char.IsAscii), "Polish letters are written as TeX commands");
    }

    [Fact]
    public void Bibtex_escapes_polish_letters_and_every_character_tex_gives_meaning_to_so_braces_always_balance()
    {
        var facts = new Citation.Facts(Guid.NewGuid(), "program-testowy", "Żółć {nie} domknięta } 100% & więcej_#$^~\\", null, "Wydanie „pierwsze”", "Uwagi.",
            "1.0.0", "1.0", new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero), "CC-BY-4.0", "pl", null);
        var citation = Citation.Of(facts, new OpenDataOptions(), new TrainingApi.Common.Http.PublicBaseUrl("https://example.org"));

        var text = Encoding.UTF8.GetString(BibTex.Of(citation));

        var (_, _, fields) = CitationChecks.ParseBibTex(text);
        Assert.Equal("{{\\.Z}{\\'o}{\\l}{\\'c} \\textbraceleft{}nie\\textbraceright{} domkni{\\k{e}}ta \\textbraceright{} 100\\% \\& wi{\\k{e}}cej\\_\\#\\$\\textasciicircum{}\\textasciitilde{}\\textbackslash{}: Wydanie ,,pierwsze''}",
            fields["title"]);
        // Just after midnight in Warsaw on New Year's Day is still 2026 there, whatever UTC says.
        Assert.Equal("2026-01-01", fields["date"]);
        Assert.Equal("jan", fields["month"]);
    }

    [Fact]
    public async Task A_client_holding_the_citation_gets_304_and_head_answers_like_get()
    {
        var release = (await CitationChecks.PublishAsync(steps)).Release;
        var anyone = api.CreateClient();
        var first = await anyone.GetAsync(Url(release.Id, "bibtex"));

        var again = await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(release.Id, "bibtex")) { Headers = { { "If-None-Match", first.Headers.ETag!.ToString() } } });
        var head = await anyone.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(release.Id, "bibtex")));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(first.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_format_is_a_validation_problem_and_an_unknown_or_unpublished_release_is_not_found()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var draft = await steps.DraftAsync(version.Id);
        var anyone = api.CreateClient();

        var format = await (await anyone.GetAsync(Url(draft.Id, "ris"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await anyone.GetAsync(Url(Guid.NewGuid(), "bibtex"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await anyone.GetAsync(Url(draft.Id, "csl-json"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Contains("csl-json", string.Join(" ", format.ErrorsFor("format")), StringComparison.Ordinal);
    }
}
