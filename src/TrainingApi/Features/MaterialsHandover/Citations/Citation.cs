using System.Globalization;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.OpenData;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>A release another one refers to, by its semantic version and persistent address.</summary>
public sealed record CitedVersion(string SemanticVersion, string Uri);

/// <summary>
/// What every citation format says about one published release. Everything in it is fixed when the release is published (its
/// snapshot, its publication time, the release it superseded) or comes from configuration (publisher, base address), so a
/// release's citation never changes meaning: it never learns of later releases (those point back to it instead).
/// </summary>
/// <param name="Previous">The release this one superseded when it was published; null for the first.</param>
public sealed record Citation(
    Guid ReleaseId, string Slug, string ProgrammeTitle, string? Summary, string ReleaseTitle, string Notes, string SemanticVersion, string VersionLabel,
    DateTimeOffset PublishedAt, string Publisher, string PublisherHomepage, string ReleaseUri, string ConceptUri, string Licence, string LicenceUri,
    string Language, CitedVersion? Previous)
{
    /// <summary>What the publication says the materials are, in Polish (a citation's bracketed description).</summary>
    public const string Kind = "materiały szkoleniowe";

    /// <summary>The contract's example: the second release of the demo programme at an example address.</summary>
    public static readonly Citation Example = Of(
        new Facts(Guid.Parse("01936b30-5000-7000-8000-000000000001"), "zarzadzanie-cyfryzacja-szkol-w-jst", "Zarządzanie cyfryzacją szkół w JST",
            "Program szkolenia dla pracowników JST i wytyczne do doradztwa.", "Wydanie po pilotażu", "Zmiany po pilotażu w 50 JST.", "2.0.0", "2.0",
            new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero), "CC-BY-4.0", "pl", "1.0.0"),
        new OpenDataOptions(), new PublicBaseUrl("https://szkolenia.example.org"));

    /// <summary>The facts of a release as the catalogue and publication know them, with the publisher and addresses from configuration.</summary>
    public static Citation Of(Facts facts, OpenDataOptions options, PublicBaseUrl publicBase) => new(
        facts.ReleaseId, facts.Slug, facts.ProgrammeTitle, facts.Summary, facts.ReleaseTitle, facts.Notes, facts.SemanticVersion, facts.VersionLabel,
        facts.PublishedAt, options.PublisherName, options.PublisherHomepage, publicBase.For(PersistentIds.ReleasePath(facts.Slug, facts.SemanticVersion)),
        publicBase.For(PersistentIds.ConceptPath(facts.Slug)), facts.Licence, LicenceUris.Of(facts.Licence, options), facts.Language,
        facts.PreviousVersion is { } previous ? new CitedVersion(previous, publicBase.For(PersistentIds.ReleasePath(facts.Slug, previous))) : null);

    /// <summary>The programme's title, and the release's own title after it when it says something more.</summary>
    public string Title => TitleOf(ProgrammeTitle, ReleaseTitle);

    public static string TitleOf(string programmeTitle, string releaseTitle) =>
        string.IsNullOrWhiteSpace(releaseTitle) || string.Equals(releaseTitle.Trim(), programmeTitle.Trim(), StringComparison.OrdinalIgnoreCase)
            ? programmeTitle.Trim()
            : $"{programmeTitle.Trim()}: {releaseTitle.Trim()}";

    /// <summary>The day of publication in Warsaw, where the publisher is: the date a reader in Poland sees on the page.</summary>
    public DateOnly Date => DateOnly.FromDateTime(WarsawTime.ToWarsaw(PublishedAt).DateTime);

    public string Year => Date.Year.ToString(CultureInfo.InvariantCulture);

    public string IsoDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A short description: the programme's summary when it has one, else the release notes.</summary>
    public string Description => string.IsNullOrWhiteSpace(Summary) ? Notes : Summary;

    /// <param name="PreviousVersion">The semantic version of the release this one superseded at publication.</param>
    public sealed record Facts(
        Guid ReleaseId, string Slug, string ProgrammeTitle, string? Summary, string ReleaseTitle, string Notes, string SemanticVersion, string VersionLabel,
        DateTimeOffset PublishedAt, string Licence, string Language, string? PreviousVersion);
}
