using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public sealed record SupersededBy(Guid Id, string SemanticVersion, string Url);

/// <summary>A published release as anyone sees it: no drafts; a superseded one links to the newer release.</summary>
/// <param name="ProgrammeSlug">The programme's name in persistent addresses.</param>
/// <param name="PersistentId">The address to cite this release by (<c>{PublicBaseUrl}/id/programmes/{slug}/{semver}</c>); it never changes meaning.</param>
public sealed record CatalogueRelease(
    Guid Id, Guid ProgrammeId, string ProgrammeVersion, string SemanticVersion, string Title, IReadOnlyList<string> Reasons, string Notes, string Licence,
    string Language, DateTimeOffset PublishedAt, bool Latest, SupersededBy? SupersededBy, IReadOnlyList<ReleaseFileView> Files, string ProgrammeSlug,
    string PersistentId)
{
    /// <summary>Public reads a shared cache may keep for five minutes (a release can be superseded, so not longer).</summary>
    public const string CacheControl = "public, max-age=300";

    public static readonly CatalogueRelease Example = new(ReleaseView.Example.Id, ReleaseView.Example.ProgrammeId, "2.0", "2.0.0", ReleaseView.Example.Title,
        ReleaseView.Example.Reasons, ReleaseView.Example.Notes, "CC-BY-4.0", "pl", ReleaseView.Example.PublishedAt!.Value, true, null, ReleaseView.Example.Files,
        "zarzadzanie-cyfryzacja-szkol-w-jst", "https://szkolenia.example.org/id/programmes/zarzadzanie-cyfryzacja-szkol-w-jst/2.0.0");

    /// <summary>Published and superseded releases, without their content snapshot (hundreds of KB each) or anything else a public read never shows.</summary>
    public static IQueryable<PublicRelease> Public(TrainingDb db) => Project(db.Set<Release>().AsNoTracking().Where(r => r.Status != ReleaseStatus.Draft));

    public static IQueryable<PublicRelease> Project(IQueryable<Release> releases) => releases.Select(r => new PublicRelease
    {
        Id = r.Id, ProgrammeId = r.ProgrammeId, ProgrammeSlug = r.ProgrammeSlug, VersionLabel = r.VersionLabel, SemanticVersion = r.SemanticVersion, Title = r.Title, Reasons = r.Reasons,
        Notes = r.Notes, Licence = r.Licence, Language = r.Language, Status = r.Status, PublishedAt = r.PublishedAt, SupersededById = r.SupersededById,
        SupersededAt = r.SupersededAt, Version = r.Version,
    });

    public static async Task<IReadOnlyList<CatalogueRelease>> ViewsAsync(TrainingDb db, PublicBaseUrl publicBase, IReadOnlyList<PublicRelease> releases, CancellationToken ct)
    {
        var files = await ReleaseFiles.ViewsAsync(db, [.. releases.Select(r => r.Id)], ct);
        var newerIds = releases.Where(r => r.SupersededById is not null).Select(r => r.SupersededById!.Value).Distinct().ToList();
        var newer = newerIds.Count == 0 ? []
            : await db.Set<Release>().AsNoTracking().Where(r => newerIds.Contains(r.Id)).Select(r => new { r.Id, r.SemanticVersion })
                .ToDictionaryAsync(r => r.Id, r => r.SemanticVersion, ct);
        return [.. releases.Select(r => new CatalogueRelease(r.Id, r.ProgrammeId, r.VersionLabel, r.SemanticVersion, r.Title, r.Reasons, r.Notes, r.Licence, r.Language,
            r.PublishedAt!.Value, r.Status == ReleaseStatus.Published,
            r.SupersededById is { } n ? new SupersededBy(n, newer.GetValueOrDefault(n, ""), $"/api/v1/catalogue/releases/{n}") : null, [.. files[r.Id]],
            r.ProgrammeSlug, publicBase.For(PersistentIds.ReleasePath(r.ProgrammeSlug, r.SemanticVersion))))];
    }
}

/// <summary>The columns of a release that public reads show (the row without its content snapshot).</summary>
public sealed class PublicRelease
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public string ProgrammeSlug { get; init; } = "";
    public string VersionLabel { get; init; } = "";
    public string SemanticVersion { get; init; } = "";
    public string Title { get; init; } = "";
    public List<string> Reasons { get; init; } = [];
    public string Notes { get; init; } = "";
    public string Licence { get; init; } = "";
    public string Language { get; init; } = "";
    public ReleaseStatus Status { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public Guid? SupersededById { get; init; }
    public DateTimeOffset? SupersededAt { get; init; }
    public uint Version { get; init; }
}
