using System.Net;
using System.Xml.Linq;
using TrainingApi.Common.Http;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>The public catalogue: published releases only, latest, superseded linked, conditional GETs, the Atom feed.</summary>
public sealed class CatalogueTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient();

    [Fact]
    public async Task Anyone_sees_published_releases_the_latest_and_what_superseded_what()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var first = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var second = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);
        var draft = await steps.DraftAsync(version.Id, "1.2.0");

        var listed = await (await anyone.GetAsync($"/api/v1/catalogue/releases?programmeId={version.ProgrammeId}")).ShouldBeAsync<Page<CatalogueRelease>>(HttpStatusCode.OK);
        var latest = await (await anyone.GetAsync($"/api/v1/catalogue/releases/latest?programmeId={version.ProgrammeId}")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);

        Assert.Equal([first.Id, second.Id], listed.Items.Select(r => r.Id));
        Assert.Equal((second.Id, true), (latest.Id, latest.Latest));
        var old = listed.Items[0];
        Assert.Equal((false, second.Id, "1.1.0"), (old.Latest, old.SupersededBy!.Id, old.SupersededBy.SemanticVersion));
        await (await anyone.GetAsync($"/api/v1/catalogue/releases/{draft.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await anyone.GetAsync($"/api/v1/catalogue/releases/{draft.Id}/files/zip")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Files_and_releases_answer_304_to_a_conditional_get()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var url = $"/api/v1/catalogue/releases/{release.Id}/files/imscc";

        var first = await anyone.GetAsync(url);
        var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var view = await anyone.GetAsync($"/api/v1/catalogue/releases/{release.Id}");
        var viewAgain = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/catalogue/releases/{release.Id}");
        viewAgain.Headers.IfNoneMatch.Add(view.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal($"\"{release.Files.Single(f => f.Format == "imscc").Sha256}\"", first.Headers.ETag!.Tag);
        Assert.True(first.Headers.CacheControl!.Public);
        // The file's content is in the release's language, not in the language of the (absent) Accept-Language.
        Assert.Equal(["pl"], first.Content.Headers.ContentLanguage);
        Assert.Equal(HttpStatusCode.NotModified, (await anyone.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await anyone.SendAsync(byDate)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await anyone.SendAsync(viewAgain)).StatusCode);
    }

    [Fact]
    public async Task The_atom_feed_lists_publications_newest_first()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var newest = await steps.PublishAsync((await steps.DraftAsync(version.Id, "2.0.0")).Id);

        var response = await anyone.GetAsync("/api/v1/catalogue/releases.atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.True(entries.Count >= 2);
        Assert.Equal("urn:uuid:" + newest.Id, entries[0].Element(atom + "id")!.Value);
        Assert.Contains(entries[0].Elements(atom + "link"), l => l.Attribute("rel")!.Value == "enclosure" && l.Attribute("href")!.Value.EndsWith("/files/zip", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_feed_links_to_the_configured_public_address_whatever_host_the_request_names()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalogue/releases.atom");
        request.Headers.Host = "evil.example";

        var response = await anyone.SendAsync(request);

        var xml = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", xml, StringComparison.Ordinal);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var links = XDocument.Parse(xml).Descendants(atom + "link").Select(l => l.Attribute("href")!.Value).ToList();
        Assert.All(links, href => Assert.StartsWith(ApiFactory.PublicBase + "/api/v1/catalogue/", href, StringComparison.Ordinal));
        Assert.Contains($"{ApiFactory.PublicBase}/api/v1/catalogue/releases/{release.Id}/files/zip", links);
    }

    [Fact]
    public async Task The_feed_is_polish_links_each_release_page_for_people_and_gives_the_enclosure_length()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalogue/releases.atom");
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await anyone.SendAsync(request);

        Assert.Equal(["pl"], response.Content.Headers.ContentLanguage);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value == "urn:uuid:" + release.Id);
        var links = entry.Elements(atom + "link").ToList();
        var html = links.Single(l => l.Attribute("rel")!.Value == "alternate" && l.Attribute("type")!.Value == "text/html");
        Assert.Equal($"{ApiFactory.PublicBase}/api/v1/catalogue/releases/{release.Id}/pages/index.html", html.Attribute("href")!.Value);
        Assert.Equal("pl", html.Attribute("hreflang")!.Value);
        var enclosure = links.Single(l => l.Attribute("rel")!.Value == "enclosure");
        Assert.Equal(release.Files.Single(f => f.Format == "zip").Size, long.Parse(enclosure.Attribute("length")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        var page = await anyone.GetAsync(html.Attribute("href")!.Value[ApiFactory.PublicBase.Length..]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
    }
}
