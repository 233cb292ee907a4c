using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Accessibility;

/// <summary>The accessibility corpus, checked over HTTP: each rule fires exactly where expected, clean texts give nothing.</summary>
public sealed class CheckMarkdownAccessibilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);

    public static TheoryData<string> Violations() => [.. AccessibilityCorpus.WithViolations.Select(s => s.Name)];

    public static TheoryData<int> CleanSamples() => [.. Enumerable.Range(0, AccessibilityCorpus.Clean.Count)];

    public static TheoryData<int> UnsafeSamples() => [.. Enumerable.Range(0, AccessibilityCorpus.Unsafe.Count)];

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Each_sample_gives_exactly_its_expected_findings(string name)
    {
        var sample = AccessibilityCorpus.WithViolations.Single(s => s.Name == name);

        var result = await CheckAsync(sample.Markdown);

        Assert.Equal(
            sample.Expected.Select(e => $"{e.Rule}@{e.Line}").Order(StringComparer.Ordinal),
            result.Findings.Select(f => $"{f.Rule}@{f.Line}").Order(StringComparer.Ordinal));
        Assert.All(result.Findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.MessagePl));
            Assert.False(string.IsNullOrWhiteSpace(f.MessageEn));
            Assert.NotEqual(f.MessageEn, f.MessagePl);
            Assert.Matches(@"^\d\.\d\.\d+$", f.Criterion);
        });
    }

    [Theory]
    [MemberData(nameof(CleanSamples))]
    public async Task A_clean_sample_gives_no_finding(int index)
    {
        var result = await CheckAsync(AccessibilityCorpus.Clean[index]);

        Assert.Empty(result.Findings);
        Assert.Empty(result.Unsafe);
    }

    [Theory]
    [MemberData(nameof(UnsafeSamples))]
    public async Task An_unsafe_sample_is_reported_as_one_that_saving_would_refuse(int index)
    {
        var result = await CheckAsync(AccessibilityCorpus.Unsafe[index]);

        Assert.NotEmpty(result.Unsafe);
    }

    [Fact]
    public async Task Messages_follow_accept_language()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accessibility-checks") { Content = HttpExtensions.JsonBody("""{"markdown":"![](https://www.example.gov.pl/wykres.png)"}""") };
        request.Headers.AcceptLanguage.ParseAdd("pl");

        var result = await (await expert.SendAsync(request)).ShouldBeAsync<CheckMarkdown.Result>(HttpStatusCode.OK);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(finding.MessagePl, finding.Message);
    }

    [Fact]
    public async Task Polish_text_gets_a_plain_language_score()
    {
        var result = await CheckAsync(
            "Samorząd prowadzi szkoły. Dba o sprzęt i sieć. Planuje zakupy na kilka lat. Szkoli nauczycieli i urzędników. " +
            "Sprawdza, czy dane uczniów są bezpieczne.");

        Assert.NotNull(result.PlainLanguage);
        Assert.Equal("FOG-PL", result.PlainLanguage!.Formula);
        Assert.InRange(result.PlainLanguage.Score, 0, 12);
    }

    private async Task<CheckMarkdown.Result> CheckAsync(string markdown) =>
        await (await expert.PostJsonAsync("/api/v1/accessibility-checks", new { markdown, headingLevel = 2 })).ShouldBeAsync<CheckMarkdown.Result>(HttpStatusCode.OK);
}
