using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Citations;

/// <summary>
/// The release's index page as a reader and a harvester read it: "Jak cytować" with the same citation the catalogue serves and
/// absolute links to the citation files, and schema.org JSON-LD. A draft's preview says it is not published and claims no address.
/// </summary>
public sealed partial class ReleaseLandingPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [GeneratedRegex("<script type=\"application/ld\\+json\">\\n(.*?)\\n</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [Fact]
    public async Task The_published_index_page_shows_how_to_cite_it_and_carries_schema_org_json_ld()
    {
        var published = await CitationChecks.PublishAsync(steps, "1.2.0");
        var release = published.Release;
        var anyone = api.CreateClient();
        var persistent = $"{ApiFactory.PublicBase}/id/programmes/{release.ProgrammeSlug}/1.2.0";

        var page = await anyone.GetStringAsync($"/api/v1/catalogue/releases/{release.Id}/pages/index.html");
        var zip = AccessibleReleaseSteps.Entries(await anyone.GetByteArrayAsync($"/api/v1/catalogue/releases/{release.Id}/files/zip"));

        Assert.Equal(page, Encoding.UTF8.GetString(zip["html/index.html"]));
        Assert.Contains("<h2 id=\"jak-cytowac\">Jak cytować</h2>", page, StringComparison.Ordinal);
        var citation = (await anyone.GetStringAsync($"/api/v1/catalogue/releases/{release.Id}/citations/text")).TrimEnd('\n');
        Assert.Contains($"<p>{citation[..^persistent.Length]}<a href=\"{persistent}\">{persistent}</a></p>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ApiFactory.PublicBase}/id/programmes/{release.ProgrammeSlug}\">", page, StringComparison.Ordinal);
        foreach (var format in new[] { "csl-json", "bibtex", "datacite" })
        {
            var url = $"{ApiFactory.PublicBase}/api/v1/catalogue/releases/{release.Id}/citations/{format}";
            Assert.Contains($"<a href=\"{url}\"", page, StringComparison.Ordinal);
            // The link leads where it says (the test server answers the path under the public base).
            Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(url[ApiFactory.PublicBase.Length..])).StatusCode);
        }

        var ld = JsonDocument.Parse(JsonLd().Match(page).Groups[1].Value).RootElement;
        Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.Equal(["LearningResource", "Course"], ld.GetProperty("@type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"{published.ProgrammeTitle}: Program i wytyczne po pilotażu", ld.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(ld.GetProperty("description").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(ld.GetProperty("educationalLevel").GetString()));
        Assert.Equal("EducationalAudience", ld.GetProperty("audience").GetProperty("@type").GetString());
        Assert.Contains("JST", ld.GetProperty("audience").GetProperty("audienceType").GetString(), StringComparison.Ordinal);
        Assert.Equal("pl", ld.GetProperty("inLanguage").GetString());
        Assert.Equal("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", ld.GetProperty("license").GetString());
        Assert.Equal("1.2.0", ld.GetProperty("version").GetString());
        var day = TimeZoneInfo.ConvertTime(release.PublishedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(day, ld.GetProperty("datePublished").GetString());
        Assert.Equal(day, ld.GetProperty("dateModified").GetString());
        Assert.Equal(persistent, ld.GetProperty("url").GetString());
        Assert.Equal(persistent, ld.GetProperty("identifier").GetString());
        Assert.Equal("Organization", ld.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal($"{ApiFactory.PublicBase}/id/programmes/{release.ProgrammeSlug}", ld.GetProperty("isPartOf").GetProperty("@id").GetString());
        Assert.Equal("Published", ld.GetProperty("creativeWorkStatus").GetString());
    }

    [Fact]
    public async Task A_drafts_preview_says_it_is_not_published_and_claims_no_address_or_date()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var draft = await steps.DraftAsync(version.Id, "3.0.0");

        var files = AccessibleReleaseSteps.Entries(await steps.Team.GetByteArrayAsync($"/api/v1/releases/{draft.Id}/files/zip"));

        var page = Encoding.UTF8.GetString(files["html/index.html"]);
        Assert.Contains("wydanie nie jest jeszcze opublikowane", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/citations/", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<a href=\"{ApiFactory.PublicBase}/id/", page, StringComparison.Ordinal);
        var ld = JsonDocument.Parse(JsonLd().Match(page).Groups[1].Value).RootElement;
        Assert.Equal("Draft", ld.GetProperty("creativeWorkStatus").GetString());
        Assert.False(ld.TryGetProperty("url", out _));
        Assert.False(ld.TryGetProperty("datePublished", out _));
        Assert.False(ld.TryGetProperty("isPartOf", out _));
        Assert.Equal("3.0.0", ld.GetProperty("version").GetString());
    }
}
