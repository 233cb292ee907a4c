using System.IO.Compression;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>
/// ZIP files whose bytes depend only on their entries: entries in the order given, every timestamp the same fixed
/// date, the same compression level. So the same release always gives the same package and the same checksum.
/// </summary>
public static partial class DeterministicZip
{
    private static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(IEnumerable<(string Path, byte[] Bytes)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in entries)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = Timestamp;
                using var content = entry.Open();
                content.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Re-packs an XLSX written by MiniExcel deterministically: its ZIP carries the current time, and its relationship
    /// ids are random GUIDs ("R" + 32 hex digits), which become rId1, rId2… in order of first appearance.
    /// </summary>
    public static byte[] NormaliseXlsx(byte[] xlsx)
    {
        using var input = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e =>
        {
            using var content = e.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return (e.FullName, Bytes: copy.ToArray());
        }).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return Write(entries.Select(e =>
        {
            if (!e.FullName.EndsWith(".xml", StringComparison.Ordinal) && !e.FullName.EndsWith(".rels", StringComparison.Ordinal))
            {
                return (e.FullName, e.Bytes);
            }

            var text = RandomRelationshipId().Replace(System.Text.Encoding.UTF8.GetString(e.Bytes), m =>
            {
                if (!ids.TryGetValue(m.Value, out var stable))
                {
                    ids[m.Value] = stable = "rId" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return stable;
            });
            return (e.FullName, System.Text.Encoding.UTF8.GetBytes(text));
        }).ToList());
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\bR[0-9a-f]{32}\\b")]
    private static partial System.Text.RegularExpressions.Regex RandomRelationshipId();
}
