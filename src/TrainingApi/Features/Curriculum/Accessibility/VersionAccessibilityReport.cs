using System.Text.Json.Serialization;

namespace TrainingApi.Features.Curriculum.Accessibility;

public sealed record WaiverView(string Reason, string WaivedBy, DateTimeOffset WaivedAt);

public sealed record FindingView(
    string Id, string Rule, string Criterion, FindingSeverity Severity, string Anchor, int Line, int Column, string Excerpt,
    string Message, string MessageEn, string MessagePl, WaiverView? Waiver);

public sealed record SectionReadability(string Anchor, PlainLanguageScore Score);

public sealed record AccessibilitySummary(int Errors, int Warnings, int Waived, int BlockingErrors)
{
    /// <summary>Whether the version may become `accessible`.</summary>
    public bool Passes => BlockingErrors == 0;
}

/// <summary>A version's accessibility check: every finding of every section, waivers applied, and readability per section.</summary>
public sealed record VersionAccessibilityReport(
    Guid VersionId, AccessibilitySummary Summary, IReadOnlyList<FindingView> Findings, IReadOnlyList<SectionReadability> Readability)
{
    [JsonIgnore]
    public IEnumerable<FindingView> Blocking => Findings.Where(f => f.Severity == FindingSeverity.Error && f.Waiver is null);

    public static readonly VersionAccessibilityReport Example = new(
        Guid.Parse("01936b2f-1000-7000-8000-000000000010"), new AccessibilitySummary(1, 1, 0, 1),
        [
            new FindingView("modul-2-1:link-text-meaningless:7:12", "link-text-meaningless", "2.4.4", FindingSeverity.Error, "modul-2-1", 7, 12,
                "kliknij tutaj", "Link text “kliknij tutaj” says nothing out of context; describe where the link leads.",
                "Link text “kliknij tutaj” says nothing out of context; describe where the link leads.",
                "Tekst linku „kliknij tutaj” nic nie mówi bez kontekstu; opisz, dokąd prowadzi link.", null),
            new FindingView("modul-2-1:sentence-too-long:3:1", "sentence-too-long", "3.1.5", FindingSeverity.Warning, "modul-2-1", 3, 1,
                "Jednostka samorządu terytorialnego, która prowadzi szkoły…", "This sentence has 31 words; split it.", "This sentence has 31 words; split it.",
                "To zdanie ma 31 słów; podziel je.", null),
        ],
        [new SectionReadability("modul-2-1", new PlainLanguageScore("FOG-PL", 9.4, 182, 14, 21, "moderate", 8.7))]);
}
