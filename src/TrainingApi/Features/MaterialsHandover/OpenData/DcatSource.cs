using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>A file inside a release's ZIP bundle as its SHA256SUMS lists it, with its size from the archive's directory.</summary>
public sealed record BundleEntry(string Path, long Size, string Sha256);

/// <summary>What the catalogue says of one published release: its row, stored files, bundle entries and accessibility claim.</summary>
public sealed record DcatRelease(PublicRelease Row, IReadOnlyList<ReleaseFileView> Files, IReadOnlyList<BundleEntry> Bundle, string? AccessibilityStandard,
    string? AccessibilityStatus);

/// <summary>A programme (by slug) with its published releases, oldest first.</summary>
public sealed record DcatProgramme(string Slug, IReadOnlyList<DcatRelease> Releases)
{
    public DcatRelease Latest => Releases[^1];
}

/// <summary>Reads what the DCAT-AP description shows, from published releases only (drafts never appear).</summary>
public static class DcatSource
{
    /// <summary>Slugs of programmes with at least one public release, in order (the catalogue's pages follow it).</summary>
    public static Task<List<string>> SlugsAsync(TrainingDb db, CancellationToken ct) =>
        CatalogueRelease.Public(db).Select(r => r.ProgrammeSlug).Distinct().OrderBy(s => s).ToListAsync(ct);

    /// <summary>The newest publication or supersession: when the catalogue last changed.</summary>
    public static async Task<(DateTimeOffset? First, DateTimeOffset? Last)> DatesAsync(TrainingDb db, CancellationToken ct)
    {
        var first = await CatalogueRelease.Public(db).MinAsync(r => r.PublishedAt, ct);
        var published = await CatalogueRelease.Public(db).MaxAsync(r => r.PublishedAt, ct);
        var superseded = await CatalogueRelease.Public(db).MaxAsync(r => r.SupersededAt, ct);
        return (first, superseded is { } s && (published is null || s > published) ? s : published);
    }

    public static async Task<IReadOnlyList<DcatProgramme>> ProgrammesAsync(TrainingDb db, IReadOnlyCollection<string> slugs, CancellationToken ct)
    {
        var rows = await CatalogueRelease.Public(db).Where(r => slugs.Contains(r.ProgrammeSlug)).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var files = await ReleaseFiles.ViewsAsync(db, ids, ct);
        // Only the statement's standard and status, read by PostgreSQL: the content snapshot can be hundreds of KB.
        var accessibility = await db.Database.SqlQuery<AccessibilityClaim>($"""
            SELECT r.id AS "Id", r.content_json -> 'accessibility' ->> 'standard' AS "Standard", r.content_json -> 'accessibility' ->> 'status' AS "Status"
            FROM handover.releases r WHERE r.id = ANY({ids.ToArray()})
            """).ToDictionaryAsync(a => a.Id, ct);
        var bundles = new Dictionary<Guid, IReadOnlyList<BundleEntry>>();
        foreach (var id in ids)
        {
            bundles[id] = await BundleAsync(db, id, ct);
        }

        return [.. rows.GroupBy(r => r.ProgrammeSlug).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new DcatProgramme(g.Key,
            [.. g.OrderBy(r => r.PublishedAt).ThenBy(r => r.Id).Select(r => new DcatRelease(r, [.. files[r.Id]], bundles[r.Id],
                accessibility.GetValueOrDefault(r.Id)?.Standard, accessibility.GetValueOrDefault(r.Id)?.Status))]))];
    }

    public sealed record AccessibilityClaim(Guid Id, string? Standard, string? Status);

    /// <summary>The bundle's SHA256SUMS (<c>sha256sum</c> format) joined with the sizes in the archive's central directory.</summary>
    private static async Task<IReadOnlyList<BundleEntry>> BundleAsync(TrainingDb db, Guid releaseId, CancellationToken ct)
    {
        var zip = await db.Set<ReleaseFile>().AsNoTracking().Where(f => f.ReleaseId == releaseId && f.Format == "zip").Select(f => f.Bytes).FirstOrDefaultAsync(ct);
        if (zip is null)
        {
            return [];
        }

        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        if (archive.GetEntry("SHA256SUMS") is not { } sums)
        {
            return [];
        }

        string text;
        await using (var stream = await sums.OpenAsync(ct))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        var entries = new List<BundleEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length == 2 && archive.GetEntry(parts[1]) is { } entry)
            {
                entries.Add(new BundleEntry(parts[1], entry.Length, parts[0]));
            }
        }

        return entries;
    }
}
