using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.SelfAssessment.Recommendations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Recommendations;

public sealed class GetRecommendationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The coordinator's JST (the test token's TERYT, Warszawa) and another one.</summary>
    private const string OwnJst = "1465011";
    private const string OtherJst = "1061";

    private readonly HttpClient coordinator = api.ClientAs(Roles.JstCoordinator, OwnJst);
    private RecommendationSteps Steps => new(api);

    /// <summary>cyberbezpieczenstwo lowest; strategia and dane tie (strategia first in the framework); sprzet unscored; the rest 4.</summary>
    private static readonly Dictionary<string, int?> Scores = new()
    {
        ["cyberbezpieczenstwo"] = 1, ["dane"] = 2, ["strategia"] = 2, ["sprzet"] = null, ["kompetencje"] = 3,
    };

    [Fact]
    public async Task The_three_weakest_areas_come_with_the_tagged_sections_of_the_latest_release_and_a_newer_release_wins()
    {
        var round = await Steps.ClosedRoundAsync(OwnJst, Scores);
        var first = await Steps.TestedVersionAsync(new Dictionary<string, string[]>
        {
            ["modul-1"] = ["cyberbezpieczenstwo"], ["modul-1-1"] = ["cyberbezpieczenstwo", "strategia"], ["wytyczne"] = ["dane"],
        });
        var firstRelease = await Steps.PublishedReleaseAsync(first.Id, "1.0.0");

        var before = await RecommendationsAsync(round);

        Assert.Equal(firstRelease, before.Release!.Id);
        Assert.Equal(["cyberbezpieczenstwo", "strategia", "dane"], before.WeakestAreas.Select(a => a.Area));
        Assert.Equal([1m, 2m, 2m], before.WeakestAreas.Select(a => a.Score));
        Assert.Equal(["modul-1", "modul-1-1"], before.WeakestAreas[0].Sections.Select(s => s.Anchor));
        Assert.Equal(["modul-1-1"], before.WeakestAreas[1].Sections.Select(s => s.Anchor));
        Assert.Equal(["wytyczne"], before.WeakestAreas[2].Sections.Select(s => s.Anchor));

        // The update re-tags its sections while it is a draft; its release supersedes the first and is the latest.
        var update = await Steps.TestedUpdateAsync(first, "1.1", new Dictionary<string, string[]>
        {
            ["modul-1"] = [], ["modul-1-1"] = ["strategia"], ["wytyczne"] = ["dane", "cyberbezpieczenstwo"], ["zalacznik"] = ["cyberbezpieczenstwo"],
        });
        var secondRelease = await Steps.PublishedReleaseAsync(update.Id, "1.1.0");

        var after = await RecommendationsAsync(round);

        Assert.Equal(secondRelease, after.Release!.Id);
        Assert.Equal("1.1.0", after.Release.Version);
        Assert.Equal("Program testowy", after.Release.Title);
        Assert.Equal($"{ApiFactory.PublicBase}/api/v1/catalogue/releases/{secondRelease}/pages/index.html", after.Release.Url);
        var cyber = after.WeakestAreas[0];
        Assert.Equal(("cyberbezpieczenstwo", "Cyberbezpieczeństwo i ochrona danych", "Cybersecurity and data protection"), (cyber.Area, cyber.Name, cyber.NameEn));
        Assert.Equal([("wytyczne", SectionKind.AdvisoryGuideline), ("zalacznik", SectionKind.Annex)], cyber.Sections.Select(s => (s.Anchor, s.Kind)));
        Assert.Equal(["modul-1-1"], after.WeakestAreas[1].Sections.Select(s => s.Anchor));
        Assert.Equal(["wytyczne"], after.WeakestAreas[2].Sections.Select(s => s.Anchor));
        var unit = after.WeakestAreas[1].Sections.Single();
        Assert.Equal(("Jednostka 1.1", SectionKind.Unit), (unit.Title, unit.Kind));
        Assert.Equal($"{ApiFactory.PublicBase}/api/v1/catalogue/releases/{secondRelease}/pages/modul-1.html#modul-1-1", unit.Url);
        Assert.Equal($"{ApiFactory.PublicBase}/api/v1/catalogue/releases/{secondRelease}/pages/wytyczne.html", cyber.Sections[0].Url);

        // The address is a page of the public catalogue that holds the section.
        var page = await api.CreateClient().GetAsync($"/api/v1/catalogue/releases/{secondRelease}/pages/modul-1.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"modul-1-1\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_round_is_a_409_round_open()
    {
        var round = await Steps.OpenRoundAsync(OwnJst);

        var response = await coordinator.GetAsync($"/api/v1/self-assessments/{round}/recommendations");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("round-open", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_round_closed_with_too_few_respondents_is_a_409_results_not_shown()
    {
        var round = await Steps.ClosedRoundAsync(OwnJst, Scores, respondents: 2);

        var response = await coordinator.GetAsync($"/api/v1/self-assessments/{round}/recommendations");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("results-not-shown", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_jst_s_round_is_a_404_to_a_coordinator_and_the_team_sees_it()
    {
        var round = await Steps.ClosedRoundAsync(OtherJst, Scores);

        var response = await coordinator.GetAsync($"/api/v1/self-assessments/{round}/recommendations");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await Steps.Team.GetAsync($"/api/v1/self-assessments/{round}/recommendations")).StatusCode);
    }

    [Fact]
    public async Task An_expert_may_not_ask_403()
    {
        var round = await Steps.ClosedRoundAsync(OwnJst, Scores);

        var response = await api.ClientAs(Roles.Expert).GetAsync($"/api/v1/self-assessments/{round}/recommendations");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<SelfAssessmentRecommendations> RecommendationsAsync(Guid round) =>
        await (await coordinator.GetAsync($"/api/v1/self-assessments/{round}/recommendations")).ShouldBeAsync<SelfAssessmentRecommendations>(HttpStatusCode.OK);
}

/// <summary>A database of its own, in which nothing is published.</summary>
public sealed class GetRecommendationsWithoutReleaseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task With_nothing_published_the_weakest_areas_come_without_a_release_and_with_no_sections()
    {
        var round = await new RecommendationSteps(api).ClosedRoundAsync("1465011", new Dictionary<string, int?> { ["finansowanie"] = 2, ["dane"] = 3 });

        var recommendations = await (await api.ClientAs(Roles.JstCoordinator).GetAsync($"/api/v1/self-assessments/{round}/recommendations"))
            .ShouldBeAsync<SelfAssessmentRecommendations>(HttpStatusCode.OK);

        Assert.Null(recommendations.Release);
        Assert.Equal("2024.1", recommendations.FrameworkVersion);
        Assert.Equal(["finansowanie", "dane", "strategia"], recommendations.WeakestAreas.Select(a => a.Area));
        Assert.All(recommendations.WeakestAreas, a => Assert.Empty(a.Sections));
    }
}
