using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Exports;

namespace TrainingApi.Features.MaterialsHandover.Releases;

public static class ReleaseFiles
{
    public static string UrlOf(Guid releaseId, string format) => $"/api/v1/catalogue/releases/{releaseId}/files/{format}";

    /// <summary>The stored files of published releases (metadata only, not the bytes).</summary>
    public static async Task<ILookup<Guid, ReleaseFileView>> ViewsAsync(TrainingDb db, IReadOnlyCollection<Guid> releaseIds, CancellationToken ct) =>
        (await db.Set<ReleaseFile>().AsNoTracking().Where(f => releaseIds.Contains(f.ReleaseId))
            .Select(f => new { f.ReleaseId, f.Format, f.FileName, f.MediaType, f.Size, f.Sha256 }).ToListAsync(ct))
        .OrderBy(f => f.Format, StringComparer.Ordinal)
        .ToLookup(f => f.ReleaseId, f => new ReleaseFileView(f.Format, f.FileName, f.MediaType, f.Size, f.Sha256, UrlOf(f.ReleaseId, f.Format)));

    public static string FormatName(ExportFormat format) => Common.Http.QueryEnum.Name(format);
}
