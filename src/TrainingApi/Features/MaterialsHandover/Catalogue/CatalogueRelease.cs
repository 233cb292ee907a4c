using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

public sealed record SupersededBy(Guid Id, string SemanticVersion, string Url);

/// <summary>A published release as anyone sees it: no drafts; a superseded one links to the newer release.</summary>
public sealed record CatalogueRelease(
    Guid Id, Guid ProgrammeId, string ProgrammeVersion, string SemanticVersion, string Title, IReadOnlyList<string> Reasons, string Notes, string Licence,
    string Language, DateTimeOffset PublishedAt, bool Latest, SupersededBy? SupersededBy, IReadOnlyList<ReleaseFileView> Files)
{
    /// <summary>Public reads a shared cache may keep for five minutes (a release can be superseded, so not longer).</summary>
    public const string CacheControl = "public, max-age=300";

    public static readonly CatalogueRelease Example = new(ReleaseView.Example.Id, ReleaseView.Example.ProgrammeId, "2.0", "2.0.0", ReleaseView.Example.Title,
        ReleaseView.Example.Reasons, ReleaseView.Example.Notes, "CC-BY-4.0", "pl", ReleaseView.Example.PublishedAt!.Value, true, null, ReleaseView.Example.Files);

    public static IQueryable<Release> Public(TrainingDb db) => db.Set<Release>().AsNoTracking().Where(r => r.Status != ReleaseStatus.Draft);

    public static async Task<IReadOnlyList<CatalogueRelease>> ViewsAsync(TrainingDb db, IReadOnlyList<Release> releases, CancellationToken ct)
    {
        var files = await ReleaseFiles.ViewsAsync(db, [.. releases.Select(r => r.Id)], ct);
        var newerIds = releases.Where(r => r.SupersededById is not null).Select(r => r.SupersededById!.Value).Distinct().ToList();
        var newer = await db.Set<Release>().AsNoTracking().Where(r => newerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.SemanticVersion, ct);
        return [.. releases.Select(r => new CatalogueRelease(r.Id, r.ProgrammeId, r.VersionLabel, r.SemanticVersion, r.Title, r.Reasons, r.Notes, r.Licence, r.Language,
            r.PublishedAt!.Value, r.Status == ReleaseStatus.Published,
            r.SupersededById is { } n ? new SupersededBy(n, newer.GetValueOrDefault(n, ""), $"/api/v1/catalogue/releases/{n}") : null, [.. files[r.Id]]))];
    }
}
