using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Catalogue;

/// <summary>
/// The persistent addresses of a programme and its releases: 303 See Other to the representation asked for in Accept, the
/// programme's always to its latest release, a release's always to itself, whatever is published later.
/// </summary>
public sealed class ResolvePersistentIdTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);
    private readonly HttpClient anyone = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData(null, "/pages/index.html")]
    [InlineData("*/*", "/pages/index.html")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/pages/index.html")]
    [InlineData("application/json", "")]
    [InlineData("application/vnd.citationstyles.csl+json", "/citations/csl-json")]
    [InlineData("application/x-bibtex", "/citations/bibtex")]
    [InlineData("text/x-bibliography", "/citations/text")]
    [InlineData("application/vnd.datacite.datacite+xml", "/citations/datacite")]
    [InlineData("text/plain;q=0.5, application/json", "")]
    public async Task A_release_address_leads_by_accept_to_that_release(string? accept, string suffix)
    {
        var (release, slug) = await PublishedAsync();

        var response = await ResolveAsync($"/id/programmes/{slug}/1.0.0", accept);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{ApiFactory.PublicBase}/api/v1/catalogue/releases/{release}{suffix}", response.Headers.Location!.ToString());
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("text/turtle")]
    [InlineData("application/ld+json")]
    [InlineData("application/rdf+xml;q=0.9, text/html;q=0.1")]
    public async Task Rdf_leads_to_the_dcat_description_of_the_release_or_of_the_programme(string accept)
    {
        var (_, slug) = await PublishedAsync();

        var release = await ResolveAsync($"/id/programmes/{slug}/1.0.0", accept);
        var programme = await ResolveAsync($"/id/programmes/{slug}", accept);

        Assert.Equal($"{ApiFactory.PublicBase}/api/v1/catalogue/dcat/programmes/{slug}/1.0.0", release.Headers.Location!.ToString());
        Assert.Equal($"{ApiFactory.PublicBase}/api/v1/catalogue/dcat/programmes/{slug}", programme.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_programme_address_follows_the_latest_release_and_a_release_address_never_moves()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var first = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var slug = await SlugAsync(first.Id);
        Assert.EndsWith($"/releases/{first.Id}", (await ResolveAsync($"/id/programmes/{slug}", "application/json")).Headers.Location!.ToString());

        var second = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);

        Assert.EndsWith($"/releases/{second.Id}", (await ResolveAsync($"/id/programmes/{slug}", "application/json")).Headers.Location!.ToString());
        Assert.EndsWith($"/releases/{first.Id}", (await ResolveAsync($"/id/programmes/{slug}/1.0.0", "application/json")).Headers.Location!.ToString());
        Assert.EndsWith($"/releases/{second.Id}", (await ResolveAsync($"/id/programmes/{slug}/1.1.0", "application/json")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Following_the_address_gives_the_release_which_names_the_same_address_to_cite()
    {
        var (release, slug) = await PublishedAsync();
        var location = (await ResolveAsync($"/id/programmes/{slug}/1.0.0", "application/json")).Headers.Location!.ToString();

        var followed = await anyone.GetAsync(location[ApiFactory.PublicBase.Length..]);

        var view = await followed.ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK);
        Assert.Equal(release, view.Id);
        Assert.Equal($"{ApiFactory.PublicBase}/id/programmes/{slug}/1.0.0", view.PersistentId);
        Assert.Contains($"<{ApiFactory.PublicBase}/id/programmes/{slug}/1.0.0>; rel=\"cite-as\"", followed.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task Every_representation_of_a_release_names_its_address_to_cite_and_its_description()
    {
        var (release, slug) = await PublishedAsync();
        var citeAs = $"<{ApiFactory.PublicBase}/id/programmes/{slug}/1.0.0>; rel=\"cite-as\"";
        var describedBy = $"<{ApiFactory.PublicBase}/api/v1/catalogue/dcat/programmes/{slug}/1.0.0>; rel=\"describedby\"; type=\"text/turtle\"";

        string[] urls =
        [
            $"/api/v1/catalogue/releases/{release}", "/api/v1/catalogue/releases/latest", $"/api/v1/catalogue/releases/{release}/files/zip",
            $"/api/v1/catalogue/releases/{release}/files/json", $"/api/v1/catalogue/releases/{release}/files/imscc",
            $"/api/v1/catalogue/releases/{release}/files/docx", $"/api/v1/catalogue/releases/{release}/documents/modul-1.docx",
            $"/api/v1/catalogue/releases/{release}/pages/index.html",
        ];
        foreach (var url in urls)
        {
            var response = await anyone.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var link = string.Join(", ", response.Headers.GetValues("Link"));
            Assert.Contains(citeAs, link);
            Assert.Contains(describedBy, link);
        }
    }

    [Fact]
    public async Task An_accept_nothing_is_offered_for_is_406_listing_what_is()
    {
        var (_, slug) = await PublishedAsync();

        var problem = await (await ResolveAsync($"/id/programmes/{slug}/1.0.0", "text/csv")).ShouldBeProblemAsync(HttpStatusCode.NotAcceptable, "not-acceptable");

        Assert.Equal("not-acceptable", problem.GetProperty("code").GetString());
        var offered = problem.GetProperty("offered").EnumerateArray().Select(o => o.GetString()!).ToList();
        Assert.Equal(ResolvePersistentId.Offered, offered);
        Assert.Contains("text/turtle", offered);
    }

    [Theory]
    [InlineData("/id/programmes/nie-ma-takiego-programu")]
    [InlineData("/id/programmes/nie-ma-takiego-programu/1.0.0")]
    [InlineData("/id/programmes/Zly_Identyfikator")]
    [InlineData("/id/programmes/abc/1.0")]
    [InlineData("/id/programmes/abc/01.0.0")]
    public async Task An_unknown_or_malformed_address_is_404(string url)
    {
        var problem = await (await ResolveAsync(url, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        Assert.Equal("persistent-id-unknown", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_version_of_a_known_programme_is_404_and_a_draft_is_not_yet_citable()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var draft = await steps.DraftAsync(version.Id, "1.0.0");
        var slug = await SlugOfDraftAsync(draft.Id);

        await (await ResolveAsync($"/id/programmes/{slug}/1.0.0", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await ResolveAsync($"/id/programmes/{slug}", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await steps.PublishAsync(draft.Id);
        await (await ResolveAsync($"/id/programmes/{slug}/2.0.0", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.SeeOther, (await ResolveAsync($"/id/programmes/{slug}/1.0.0", null)).StatusCode);
    }

    private async Task<(Guid Release, string Slug)> PublishedAsync()
    {
        var (version, _, _) = await steps.TestedVersionAsync(modules: 1, units: 1);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        return (release.Id, await SlugAsync(release.Id));
    }

    private async Task<string> SlugAsync(Guid releaseId) =>
        (await (await anyone.GetAsync($"/api/v1/catalogue/releases/{releaseId}")).ShouldBeAsync<CatalogueRelease>(HttpStatusCode.OK)).ProgrammeSlug;

    private async Task<string> SlugOfDraftAsync(Guid releaseId)
    {
        await using var db = api.Db();
        return db.Context.Set<TrainingApi.Features.MaterialsHandover.Releases.Release>().Single(r => r.Id == releaseId).ProgrammeSlug;
    }

    private Task<HttpResponseMessage> ResolveAsync(string url, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return anyone.SendAsync(request);
    }
}
