using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>One file of a published release's ZIP bundle, exactly as stored there (pages, documents): never rebuilt.</summary>
public static class StoredBundle
{
    public static async Task<byte[]?> EntryAsync(TrainingDb db, Guid releaseId, string path, CancellationToken ct)
    {
        var zip = await db.Set<ReleaseFile>().AsNoTracking().Where(f => f.ReleaseId == releaseId && f.Format == "zip").Select(f => f.Bytes).FirstAsync(ct);
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        if (archive.GetEntry(path) is not { } entry)
        {
            return null;
        }

        await using var content = entry.Open();
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        return copy.ToArray();
    }
}
