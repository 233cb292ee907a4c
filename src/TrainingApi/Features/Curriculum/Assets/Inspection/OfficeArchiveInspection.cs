using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// DOCX, XLSX, ODT and ODS are ZIP archives, told apart by their entries. Before one is accepted its archive is walked
/// as an unzip tool would: too many entries, names that climb out of their folder, encryption, macros and zip bombs are
/// refused. Sizes the archive declares are never trusted to accept anything: every entry is decompressed and the bytes
/// that actually come out are counted, stopping as soon as a limit is passed, so a bomb costs a fraction of a second.
/// <para>
/// Attachments are stored exactly as uploaded (readers download the author's file); document properties such as the
/// author's name and the editing time stay in it, as they would in a file sent by e-mail.
/// </para>
/// </summary>
public static class OfficeArchiveInspection
{
    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";
    private const string OdsMimeType = "application/vnd.oasis.opendocument.spreadsheet";

    public static InspectedAsset Inspect(byte[] bytes, AssetLimits limits)
    {
        try
        {
            // Our own reading of the directory first: it refuses too many entries before ZipArchive builds an object for each.
            var records = ZipDirectory.Read(bytes, limits.MaxArchiveEntries, count => TooManyEntries(count, limits));
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count != records.Count)
            {
                // Two readings of one archive that disagree: a crafted file meant to show each tool something else.
                throw new InvalidDataException("The central directory reads differently.");
            }

            var format = Identify(bytes, records, archive);
            foreach (var record in records)
            {
                RefuseUnsafeEntry(record);
            }

            RefuseBomb(bytes, records, limits);
            return new(format, bytes, null, null);
        }
        catch (InvalidDataException)
        {
            throw AssetProblems.DamagedFile(new(
                "The file starts like a ZIP-based office document (DOCX, XLSX, ODT, ODS), but its ZIP structure is damaged or truncated.",
                "Plik zaczyna się jak dokument biurowy oparty na ZIP (DOCX, XLSX, ODT, ODS), ale jego struktura ZIP jest uszkodzona lub niekompletna."));
        }
    }

    /// <summary>ODF by its first entry, <c>mimetype</c>, stored uncompressed (the format's own magic number); OOXML by its parts.</summary>
    private static AssetFormat Identify(byte[] bytes, IReadOnlyList<ZipRecord> records, ZipArchive archive)
    {
        var mimeType = OdfMimeType(bytes, records);
        if (mimeType is not null)
        {
            return mimeType switch
            {
                OdtMimeType => AssetFormat.Odt,
                OdsMimeType => AssetFormat.Ods,
                _ => throw AssetProblems.Unsupported(new($"an OpenDocument file of type {Shorten(mimeType)} (only text documents, ODT, and spreadsheets, ODS, are accepted)",
                    $"plikiem OpenDocument typu {Shorten(mimeType)} (przyjmowane są tylko dokumenty tekstowe ODT i arkusze ODS)")),
            };
        }

        var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("[Content_Types].xml"))
        {
            if (names.Contains("word/document.xml"))
            {
                return AssetFormat.Docx;
            }

            if (names.Contains("xl/workbook.xml"))
            {
                return AssetFormat.Xlsx;
            }

            throw AssetProblems.Unsupported(new("an Office Open XML package that is neither a Word document nor an Excel workbook (a PowerPoint presentation, perhaps; export it as PDF)",
                "pakietem Office Open XML, który nie jest ani dokumentem Word, ani skoroszytem Excel (może prezentacją PowerPoint; wyeksportuj ją do PDF)"));
        }

        throw AssetProblems.Unsupported(new("a ZIP archive, not a DOCX, XLSX, ODT or ODS document (archives are not accepted; upload the files in it one by one)",
            "archiwum ZIP, a nie dokumentem DOCX, XLSX, ODT ani ODS (archiwa nie są przyjmowane; prześlij zawarte w nim pliki pojedynczo)"));
    }

    /// <summary>
    /// The content of the first entry when it is <c>mimetype</c>, stored (method 0), as ODF requires; its size is taken from the
    /// central directory, since a writer may leave it out of the local header.
    /// </summary>
    private static string? OdfMimeType(byte[] bytes, IReadOnlyList<ZipRecord> records)
    {
        var first = records.FirstOrDefault(r => r.LocalHeaderOffset == 0);
        if (first is not { Name: "mimetype", Method: 0, CompressedSize: > 0 and <= 200 })
        {
            return null;
        }

        return Encoding.ASCII.GetString(bytes, (int)first.DataOffset, (int)first.CompressedSize);
    }

    private static void RefuseUnsafeEntry(ZipRecord entry)
    {
        var name = entry.Name;
        if (name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || (name.Length > 1 && name[1] == ':')
            || name.Split('/').Any(segment => segment == ".."))
        {
            throw AssetProblems.UnsafeArchive(new(
                $"The document's ZIP container has an entry named \"{Shorten(name)}\" that points outside its folder (\"..\", an absolute path or a backslash), as path-traversal attacks do.",
                $"Kontener ZIP dokumentu ma wpis o nazwie \"{Shorten(name)}\", która wskazuje poza jego folder (\"..\", ścieżka bezwzględna lub ukośnik wsteczny), jak w atakach path traversal."));
        }

        if (entry.IsEncrypted)
        {
            throw AssetProblems.UnsafeArchive(new(
                $"The document is encrypted (its part \"{Shorten(name)}\" is password-protected), so it cannot be checked: remove the password before uploading.",
                $"Dokument jest zaszyfrowany (jego część \"{Shorten(name)}\" jest chroniona hasłem), więc nie można go sprawdzić: usuń hasło przed przesłaniem."));
        }

        if (name.Contains("vbaProject", StringComparison.OrdinalIgnoreCase) || name.Equals("word/vbaData.xml", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Basic/", StringComparison.Ordinal) || name.StartsWith("Scripts/", StringComparison.Ordinal))
        {
            throw AssetProblems.UnsafeArchive(new(
                $"The document contains macros (\"{Shorten(name)}\"), which could run on readers' computers: save it as a document without macros (.docx, .xlsx, .odt, .ods).",
                $"Dokument zawiera makra (\"{Shorten(name)}\"), które mogłyby się uruchomić na komputerach czytelników: zapisz go jako dokument bez makr (.docx, .xlsx, .odt, .ods)."));
        }
    }

    /// <summary>
    /// Declared sizes first, only to refuse early and without unpacking anything; then the real count, entry by entry, inflating
    /// the raw data to its true end and stopping at the first limit passed (total unpacked bytes, or the ratio of a big entry).
    /// An entry that unpacks to other than it declares is refused too: readers' programs might believe either.
    /// </summary>
    private static void RefuseBomb(byte[] bytes, IReadOnlyList<ZipRecord> records, AssetLimits limits)
    {
        long declared = 0;
        foreach (var record in records)
        {
            declared += record.DeclaredSize;
            if (declared > limits.MaxUnpackedBytes)
            {
                throw Unpacks(limits);
            }

            if (record.DeclaredSize > limits.CompressionRatioFromBytes && record.DeclaredSize > (long)limits.MaxCompressionRatio * Math.Max(1, record.CompressedSize))
            {
                throw Ratio(record, limits);
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            foreach (var record in records)
            {
                var unpacked = Unpack(bytes, record, buffer, limits, ref total);
                if (unpacked != record.DeclaredSize)
                {
                    throw AssetProblems.UnsafeArchive(new(
                        $"The document's part \"{Shorten(record.Name)}\" declares {record.DeclaredSize:N0} bytes but unpacks to {unpacked:N0}: its ZIP headers do not tell the truth.",
                        $"Część \"{Shorten(record.Name)}\" dokumentu deklaruje {record.DeclaredSize:N0} B, a rozpakowuje się do {unpacked:N0} B: nagłówki ZIP nie mówią prawdy."));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes an entry really unpacks to, counted as they come out; throws as soon as a limit is passed.</summary>
    private static long Unpack(byte[] bytes, ZipRecord record, byte[] buffer, AssetLimits limits, ref long total)
    {
        var raw = new MemoryStream(bytes, (int)record.DataOffset, (int)record.CompressedSize, writable: false);
        using var stream = record.Method switch
        {
            0 => (Stream)raw,
            8 => new DeflateStream(raw, CompressionMode.Decompress),
            _ => throw AssetProblems.UnsafeArchive(new(
                $"The document's part \"{Shorten(record.Name)}\" is compressed with ZIP method {record.Method}, which office programs do not use (only stored and deflate).",
                $"Część \"{Shorten(record.Name)}\" dokumentu jest skompresowana metodą ZIP {record.Method}, której programy biurowe nie używają (tylko stored i deflate).")),
        };
        var ceiling = Math.Max(limits.CompressionRatioFromBytes, (long)limits.MaxCompressionRatio * Math.Max(1, record.CompressedSize));
        long unpacked = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            unpacked += read;
            total += read;
            if (total > limits.MaxUnpackedBytes)
            {
                throw Unpacks(limits);
            }

            if (unpacked > ceiling)
            {
                throw Ratio(record, limits);
            }
        }

        return unpacked;
    }

    private static Common.Problems.ProblemException TooManyEntries(long count, AssetLimits limits) => AssetProblems.UnsafeArchive(new(
        $"The document's ZIP container has {count:N0} entries; the limit is {limits.MaxArchiveEntries:N0}.",
        $"Kontener ZIP dokumentu ma {count:N0} wpisów; limit to {limits.MaxArchiveEntries:N0}."));

    private static Common.Problems.ProblemException Unpacks(AssetLimits limits) => AssetProblems.UnsafeArchive(new(
        $"The document unpacks to more than {limits.MaxUnpackedBytes / (1024 * 1024):N0} MB, the limit for an office document's content (a ZIP bomb, or a document too large to publish).",
        $"Dokument rozpakowuje się do ponad {limits.MaxUnpackedBytes / (1024 * 1024):N0} MB, limitu dla zawartości dokumentu biurowego (bomba ZIP albo dokument zbyt duży do publikacji)."));

    private static Common.Problems.ProblemException Ratio(ZipRecord entry, AssetLimits limits) => AssetProblems.UnsafeArchive(new(
        $"The document's part \"{Shorten(entry.Name)}\" unpacks to more than {limits.MaxCompressionRatio} times its packed size of {entry.CompressedSize:N0} bytes, as a ZIP bomb does.",
        $"Część \"{Shorten(entry.Name)}\" dokumentu rozpakowuje się do ponad {limits.MaxCompressionRatio}-krotności swojego spakowanego rozmiaru {entry.CompressedSize:N0} B, jak bomba ZIP."));

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
