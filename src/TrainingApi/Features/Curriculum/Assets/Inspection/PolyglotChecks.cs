using System.Buffers.Binary;
using System.Text;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// Refuses files that are two things at once: an image or PDF that a browser, an unzip tool or a script interpreter would also
/// read as something else (a "polyglot", e.g. a PNG with a ZIP of malware appended, or a JPEG whose first KB is an HTML page
/// that a browser sniffing content would run). Re-encoding images drops such payloads anyway; refusing them is defence in depth
/// for attachments (stored as uploaded) and tells the uploader that the file is not what it seems.
/// </summary>
public static class PolyglotChecks
{
    private static readonly string[] MarkupMarkers = ["<html", "<script", "<!doctype", "<svg"];

    /// <summary>Compression methods a real ZIP entry uses (stored, deflate, deflate64, bzip2, LZMA, zstd, xz, PPMd, AES).</summary>
    private static readonly HashSet<ushort> ZipMethods = [0, 8, 9, 12, 14, 93, 95, 98, 99];

    /// <summary>HTML or script markup in the first KB of a binary file, where content-sniffing browsers look.</summary>
    public static void RefuseMarkup(ReadOnlySpan<byte> bytes, AssetFormat format)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]).ToLowerInvariant();
        foreach (var marker in MarkupMarkers)
        {
            if (head.Contains(marker, StringComparison.Ordinal))
            {
                throw AssetProblems.PolyglotFile(new(
                    $"The {format.Label} file contains HTML or script markup (\"{marker}\") in its first kilobyte, where browsers that sniff content would run it as a web page.",
                    $"Plik {format.Label} zawiera znaczniki HTML lub skryptu (\"{marker}\") w pierwszym kilobajcie, gdzie przeglądarki rozpoznające treść uruchomiłyby go jako stronę WWW."));
            }
        }
    }

    /// <summary>
    /// A ZIP local header, central directory entry or end record anywhere in the file. Four bytes can occur by chance in
    /// compressed data, so a hit counts only when the header around it is plausible (known method, a printable entry name).
    /// </summary>
    public static void RefuseEmbeddedZip(ReadOnlySpan<byte> bytes, AssetFormat format)
    {
        var from = 0;
        while (from < bytes.Length)
        {
            var at = bytes[from..].IndexOf("PK"u8);
            if (at < 0)
            {
                return;
            }

            at += from;
            if (IsZipStructure(bytes, at))
            {
                throw AssetProblems.PolyglotFile(new(
                    $"The {format.Label} file has a ZIP archive inside it (a ZIP header at byte {at:N0}): it is also an archive that unzip tools would open. Save the {format.Label} again from the program that made it.",
                    $"Plik {format.Label} zawiera archiwum ZIP (nagłówek ZIP w bajcie {at:N0}): jest jednocześnie archiwum, które otworzą programy do rozpakowywania. Zapisz plik {format.Label} ponownie w programie, który go utworzył."));
            }

            from = at + 2;
        }
    }

    /// <summary>Bytes after the image's own end: a PNG's IEND chunk, a JPEG's EOI marker, a WebP's RIFF size.</summary>
    public static void RefuseDataAfterEnd(ReadOnlySpan<byte> bytes, AssetFormat format)
    {
        var end = format == AssetFormat.Png ? PngEnd(bytes)
            : format == AssetFormat.Jpeg ? JpegEnd(bytes)
            : format == AssetFormat.Webp ? WebpEnd(bytes)
            : bytes.Length;
        if (end < bytes.Length)
        {
            var extra = bytes.Length - end;
            throw AssetProblems.PolyglotFile(new(
                $"The {format.Label} image has {extra:N0} bytes of other data after its end (after byte {end:N0}); such data is how files hide inside images. Save the image again from an image editor.",
                $"Obraz {format.Label} ma {extra:N0} B innych danych po swoim końcu (po bajcie {end:N0}); w ten sposób ukrywa się pliki w obrazach. Zapisz obraz ponownie w edytorze grafiki."));
        }
    }

    private static bool IsZipStructure(ReadOnlySpan<byte> b, int at)
    {
        if (at + 4 > b.Length)
        {
            return false;
        }

        return (b[at + 2], b[at + 3]) switch
        {
            (3, 4) => PlausibleEntry(b, at, methodAt: 8, nameLengthAt: 26, headerLength: 30),
            (1, 2) => PlausibleEntry(b, at, methodAt: 10, nameLengthAt: 28, headerLength: 46),
            (5, 6) => PlausibleEnd(b, at),
            _ => false,
        };
    }

    private static bool PlausibleEntry(ReadOnlySpan<byte> b, int at, int methodAt, int nameLengthAt, int headerLength)
    {
        if (at + headerLength > b.Length)
        {
            return false;
        }

        var method = BinaryPrimitives.ReadUInt16LittleEndian(b[(at + methodAt)..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(b[(at + nameLengthAt)..]);
        if (!ZipMethods.Contains(method) || nameLength is 0 or > 1024 || at + headerLength + nameLength > b.Length)
        {
            return false;
        }

        foreach (var c in b.Slice(at + headerLength, nameLength))
        {
            if (c is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An end-of-central-directory record: single disk, as many entries on the disk as in all, a directory before it.</summary>
    private static bool PlausibleEnd(ReadOnlySpan<byte> b, int at)
    {
        if (at + 22 > b.Length)
        {
            return false;
        }

        var record = b[at..];
        var disk = BinaryPrimitives.ReadUInt16LittleEndian(record[4..]);
        var directoryDisk = BinaryPrimitives.ReadUInt16LittleEndian(record[6..]);
        var onDisk = BinaryPrimitives.ReadUInt16LittleEndian(record[8..]);
        var total = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        return disk == 0 && directoryDisk == 0 && onDisk == total && directorySize <= (uint)at && (total == 0 ? directorySize == 0 : directorySize >= 46u * total);
    }

    private static int PngEnd(ReadOnlySpan<byte> b)
    {
        var at = 8;
        while (at + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
            if (length > int.MaxValue || at + 12L + length > b.Length)
            {
                break;
            }

            var type = b.Slice(at + 4, 4);
            at += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return at;
            }
        }

        throw AssetProblems.DamagedFile(new(
            "The PNG image is truncated or damaged: its chunks do not end with an IEND chunk.",
            "Obraz PNG jest niekompletny lub uszkodzony: jego fragmenty (chunki) nie kończą się fragmentem IEND."));
    }

    /// <summary>
    /// Walks the JPEG's segments to its EOI marker. Zero padding after it is tolerated, and so are the further images of a
    /// Multi-Picture (MPF) JPEG, which phones append after the first EOI (previews, HDR gain maps): the re-encoding keeps only
    /// the first image, so neither is stored.
    /// </summary>
    private static int JpegEnd(ReadOnlySpan<byte> b)
    {
        var at = 2;
        var multiPicture = false;
        while (at + 1 < b.Length)
        {
            if (b[at] != 0xFF)
            {
                break;
            }

            while (at + 1 < b.Length && b[at + 1] == 0xFF)
            {
                at++;
            }

            if (at + 1 >= b.Length)
            {
                break;
            }

            var marker = b[at + 1];
            if (marker == 0xD9)
            {
                var end = at + 2;
                var rest = b[end..];
                return rest.IndexOfAnyExcept((byte)0) < 0 || (multiPicture && rest.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) ? b.Length : end;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            if (at + 4 > b.Length)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 2)..]);
            if (length < 2 || at + 2 + length > b.Length)
            {
                break;
            }

            if (marker == 0xE2 && b.Slice(at + 4, length - 2).StartsWith("MPF\0"u8))
            {
                multiPicture = true;
            }

            at += 2 + length;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
                while (at + 1 < b.Length && !(b[at] == 0xFF && b[at + 1] != 0x00 && b[at + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    at++;
                }
            }
        }

        throw AssetProblems.DamagedFile(new(
            "The JPEG image is truncated or damaged: its segments do not end with an end-of-image (EOI) marker.",
            "Obraz JPEG jest niekompletny lub uszkodzony: jego segmenty nie kończą się znacznikiem końca obrazu (EOI)."));
    }

    private static int WebpEnd(ReadOnlySpan<byte> b)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(b[4..]);
        var end = 8L + riffSize + (riffSize & 1);
        if (end > b.Length)
        {
            throw AssetProblems.DamagedFile(new(
                $"The WebP image is truncated: its RIFF header declares {end:N0} bytes but the file has {b.Length:N0}.",
                $"Obraz WebP jest niekompletny: nagłówek RIFF deklaruje {end:N0} B, a plik ma {b.Length:N0} B."));
        }

        return (int)end;
    }
}
