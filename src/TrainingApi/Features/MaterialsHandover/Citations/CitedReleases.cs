using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>The facts citations are made of, read from the published releases (never from drafts).</summary>
public static class CitedReleases
{
    /// <summary>A published or superseded release's facts; null when there is no such public release.</summary>
    public static async Task<Citation.Facts?> FactsAsync(TrainingDb db, Guid releaseId, CancellationToken ct)
    {
        var release = await CatalogueRelease.Public(db).FirstOrDefaultAsync(r => r.Id == releaseId, ct);
        if (release is null)
        {
            return null;
        }

        // The release it superseded at publication: recorded then, in the same transaction, and never changed after.
        var previous = await db.Set<Release>().AsNoTracking().Where(r => r.SupersededById == releaseId).Select(r => r.SemanticVersion).FirstOrDefaultAsync(ct);
        var programme = await ProgrammeAsync(db, releaseId, ct);
        return new Citation.Facts(release.Id, release.ProgrammeSlug, programme.Title, programme.Summary, release.Title, release.Notes, release.SemanticVersion,
            release.VersionLabel, release.PublishedAt!.Value, release.Licence, release.Language, previous);
    }

    /// <summary>The facts of a release being published now, from its row, its snapshot and the release it supersedes.</summary>
    public static Citation.Facts FactsOf(Release release, ReleaseDocument document, Release? superseded, DateTimeOffset publishedAt) => new(
        release.Id, release.ProgrammeSlug, document.Programme.Title, document.Programme.Summary, release.Title, release.Notes, release.SemanticVersion,
        release.VersionLabel, publishedAt, release.Licence, release.Language, superseded?.SemanticVersion);

    /// <summary>A programme's published releases in publication order, by its slug; empty when none is public.</summary>
    public static Task<List<PublicRelease>> OfProgrammeAsync(TrainingDb db, string slug, CancellationToken ct) =>
        CatalogueRelease.Public(db).Where(r => r.ProgrammeSlug == slug).OrderBy(r => r.PublishedAt).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>
    /// The programme's title and summary as the release's snapshot has them (the programme may be renamed later; the release is not),
    /// read from the stored document without loading the rest of it.
    /// </summary>
    public static async Task<ReleaseProgramme> ProgrammeAsync(TrainingDb db, Guid releaseId, CancellationToken ct)
    {
        var json = await db.Database.SqlQuery<string>($"SELECT (content_json -> 'programme')::text AS \"Value\" FROM handover.releases WHERE id = {releaseId}")
            .SingleAsync(ct);
        return JsonSerializer.Deserialize<ReleaseProgramme>(json, ReleaseJson.Options)!;
    }
}
