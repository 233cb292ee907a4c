using System.Globalization;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.OpenData;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>
/// The programme as a work with versions (the concept its persistent address names): its title, summary and licence as the latest
/// release has them, and every published release in publication order. Unlike a release's citation it grows with each publication.
/// </summary>
public sealed record ConceptCitation(
    string Slug, string ProgrammeTitle, string? Summary, string Publisher, string ConceptUri, string Licence, string LicenceUri, string Language,
    DateTimeOffset FirstPublishedAt, DateTimeOffset LatestPublishedAt, IReadOnlyList<CitedVersion> Versions)
{
    public static ConceptCitation Of(string slug, string programmeTitle, string? summary, IReadOnlyList<(string SemanticVersion, DateTimeOffset PublishedAt)> releases,
        string licence, string language, OpenDataOptions options, PublicBaseUrl publicBase) => new(
        slug, programmeTitle, summary, options.PublisherName, publicBase.For(PersistentIds.ConceptPath(slug)), licence, LicenceUris.Of(licence, options), language,
        releases[0].PublishedAt, releases[^1].PublishedAt,
        [.. releases.Select(r => new CitedVersion(r.SemanticVersion, publicBase.For(PersistentIds.ReleasePath(slug, r.SemanticVersion))))]);

    /// <summary>The contract's example: a programme with two published releases at an example address.</summary>
    public static readonly ConceptCitation Example = Of("zarzadzanie-cyfryzacja-szkol-w-jst", "Zarządzanie cyfryzacją szkół w JST",
        "Program szkolenia dla pracowników JST i wytyczne do doradztwa.",
        [("1.0.0", new DateTimeOffset(2025, 11, 28, 10, 0, 0, TimeSpan.Zero)), ("2.0.0", new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero))],
        "CC-BY-4.0", "pl", new OpenDataOptions(), new PublicBaseUrl("https://szkolenia.example.org"));

    public string FirstYear => WarsawTime.ToWarsaw(FirstPublishedAt).Year.ToString(CultureInfo.InvariantCulture);

    public string FirstIsoDate => WarsawTime.ToWarsaw(FirstPublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string LatestIsoDate => WarsawTime.ToWarsaw(LatestPublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
