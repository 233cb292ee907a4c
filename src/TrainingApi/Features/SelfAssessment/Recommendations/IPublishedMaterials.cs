using TrainingApi.Features.Curriculum.Sections;

namespace TrainingApi.Features.SelfAssessment.Recommendations;

/// <summary>
/// What a self-assessment recommends from: the published materials, answered by the slice that publishes them
/// (MaterialsHandover), so that this slice need not know releases, their statuses or the catalogue's addresses.
/// </summary>
public interface IPublishedMaterials
{
    /// <summary>
    /// The release the public catalogue calls latest across programmes (the most recently published one that no newer release
    /// of its programme has superseded), with its sections in release order; null when nothing is published.
    /// </summary>
    Task<PublishedRelease?> LatestAsync(CancellationToken ct);
}

/// <param name="Id">The release's id in the catalogue.</param>
/// <param name="SemanticVersion">major.minor.patch.</param>
/// <param name="ProgrammeTitle">The title of the programme it is a release of.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Url">The absolute address of the release's start page in the public catalogue.</param>
/// <param name="Sections">Every section of the release, in the release's order.</param>
public sealed record PublishedRelease(Guid Id, string SemanticVersion, string ProgrammeTitle, DateTimeOffset PublishedAt, string Url,
    IReadOnlyList<PublishedSection> Sections);

/// <param name="Anchor">The section's stable anchor.</param>
/// <param name="Title">Its title.</param>
/// <param name="Kind">Module, unit, advisory guideline or annex.</param>
/// <param name="MaturityAreas">The maturity areas (framework area codes) the programme team tagged it with.</param>
/// <param name="Url">The absolute public address where the section can be read.</param>
public sealed record PublishedSection(string Anchor, string Title, SectionKind Kind, IReadOnlyList<string> MaturityAreas, string Url);
