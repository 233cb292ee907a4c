using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.SelfAssessment.Recommendations;

/// <param name="Anchor">The section's stable anchor in the release.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">Module, unit, advisory guideline or annex.</param>
/// <param name="Url">The absolute public address where it can be read (its page in the public catalogue).</param>
public sealed record RecommendedSection(string Anchor, string Title, SectionKind Kind, string Url);

/// <param name="Area">The framework's area code.</param>
/// <param name="Name">The area's Polish name.</param>
/// <param name="NameEn">The area's English name.</param>
/// <param name="Score">The JST's score in the area (1–5).</param>
/// <param name="Sections">The release's sections tagged with the area, in the release's order; empty when none is (or nothing is published).</param>
public sealed record RecommendedArea(string Area, string Name, string NameEn, decimal Score, IReadOnlyList<RecommendedSection> Sections);

/// <param name="Id">The release's id in the public catalogue.</param>
/// <param name="Version">Its semantic version.</param>
/// <param name="Title">The title of the programme it is a release of.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Url">The absolute address of its start page in the public catalogue.</param>
public sealed record RecommendedRelease(Guid Id, string Version, string Title, DateTimeOffset PublishedAt, string Url);

/// <param name="RoundId">The self-assessment round.</param>
/// <param name="FrameworkVersion">The maturity framework version the round was answered against.</param>
/// <param name="Release">The release the sections are from: the latest published one; null when nothing is published yet.</param>
/// <param name="WeakestAreas">Up to three areas, lowest score first.</param>
public sealed record SelfAssessmentRecommendations(Guid RoundId, string FrameworkVersion, RecommendedRelease? Release, IReadOnlyList<RecommendedArea> WeakestAreas)
{
    public static readonly SelfAssessmentRecommendations Example = new(Guid.Parse("019af3c0-1d2e-7a00-8000-0000000000a1"), "2024.1",
        new RecommendedRelease(Guid.Parse("01936b30-0000-7000-8000-0000000000f1"), "2.1.0", "Zarządzanie cyfryzacją szkół w jednostkach samorządu terytorialnego",
            new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
            "https://materialy.ore.edu.pl/api/v1/catalogue/releases/01936b30-0000-7000-8000-0000000000f1/pages/index.html"),
        [
            new RecommendedArea("cyberbezpieczenstwo", "Cyberbezpieczeństwo i ochrona danych", "Cybersecurity and data protection", 1.83m,
            [
                new RecommendedSection("modul-3", "Moduł 3. Cyberbezpieczeństwo i ochrona danych osobowych w szkołach", SectionKind.Module,
                    "https://materialy.ore.edu.pl/api/v1/catalogue/releases/01936b30-0000-7000-8000-0000000000f1/pages/modul-3.html"),
                new RecommendedSection("modul-3-1", "Krajowy system cyberbezpieczeństwa a szkoły", SectionKind.Unit,
                    "https://materialy.ore.edu.pl/api/v1/catalogue/releases/01936b30-0000-7000-8000-0000000000f1/pages/modul-3.html#modul-3-1"),
                new RecommendedSection("wytyczne-wsparcie", "Etap 3. Wsparcie we wdrażaniu planu", SectionKind.AdvisoryGuideline,
                    "https://materialy.ore.edu.pl/api/v1/catalogue/releases/01936b30-0000-7000-8000-0000000000f1/pages/wytyczne.html#wytyczne-wsparcie"),
            ]),
            new RecommendedArea("finansowanie", "Finansowanie i zamówienia", "Financing and procurement", 2.25m,
            [
                new RecommendedSection("modul-4", "Moduł 4. Finansowanie, zamówienia publiczne i fundusze UE", SectionKind.Module,
                    "https://materialy.ore.edu.pl/api/v1/catalogue/releases/01936b30-0000-7000-8000-0000000000f1/pages/modul-4.html"),
            ]),
            new RecommendedArea("dane", "Dane i e-usługi", "Data and e-services", 2.5m, []),
        ]);
}
