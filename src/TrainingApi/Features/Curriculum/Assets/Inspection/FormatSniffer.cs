using System.Text;
using TrainingApi.Common.Localization;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>What the first bytes of an upload say it is.</summary>
/// <param name="Format">PNG, JPEG, WebP, SVG or PDF; null for a ZIP (told apart later by its entries) or an unsupported file.</param>
/// <param name="IsZip">A ZIP container: maybe DOCX, XLSX, ODT or ODS, which only its entries tell.</param>
/// <param name="Unsupported">What the file looks like when it is none of the accepted formats.</param>
/// <param name="HasDoctype">An XML file (SVG) with a DOCTYPE, which the sanitiser refuses.</param>
public sealed record Sniffed(AssetFormat? Format, bool IsZip, Text? Unsupported, bool HasDoctype = false);

/// <summary>
/// Recognises the format from magic numbers and structure only: the client's Content-Type and file name are never trusted,
/// because a lying Content-Type is exactly how an executable or an HTML page would be smuggled in as "image/png".
/// For what is refused it says what the bytes look like, so that the person uploading understands the refusal.
/// </summary>
public static class FormatSniffer
{
    /// <summary>How much of a text file is scanned for its root element (a DOCTYPE with entities comes before it).</summary>
    private const int TextPrefix = 64 * 1024;

    public static Sniffed Sniff(ReadOnlySpan<byte> b)
    {
        if (b.IsEmpty)
        {
            return Refused("an empty file (0 bytes)", "pustym plikiem (0 bajtów)");
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new(AssetFormat.Png, false, null);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new(AssetFormat.Jpeg, false, null);
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return new(AssetFormat.Webp, false, null);
        }

        // Offset 0 only: readers that accept %PDF- anywhere in the first KB are what PDF polyglots rely on.
        if (b.StartsWith("%PDF-"u8))
        {
            return new(AssetFormat.Pdf, false, null);
        }

        if (b.StartsWith("PK\x03\x04"u8))
        {
            return new(null, true, null);
        }

        return Binary(b) ?? Text(b);
    }

    /// <summary>Binary formats people try to upload, or that an attacker renames, recognised so the refusal can name them.</summary>
    private static Sniffed? Binary(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
        {
            return Refused("an ELF executable (a Linux program)", "plikiem wykonywalnym ELF (programem dla Linuksa)");
        }

        if (b.StartsWith("MZ"u8))
        {
            return Refused("a Windows executable (EXE or DLL, \"MZ\" header)", "plikiem wykonywalnym Windows (EXE lub DLL, nagłówek \"MZ\")");
        }

        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return Refused("a GIF image (convert it to PNG or WebP)", "obrazem GIF (przekonwertuj go do PNG lub WebP)");
        }

        if (b.StartsWith("BM"u8) && b.Length >= 26)
        {
            return Refused("a BMP image (convert it to PNG)", "obrazem BMP (przekonwertuj go do PNG)");
        }

        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8))
        {
            return Refused("a TIFF image (convert it to PNG or JPEG)", "obrazem TIFF (przekonwertuj go do PNG lub JPEG)");
        }

        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
        {
            return Refused("an ISO media file (a HEIC/AVIF photo or an MP4 video; export photos as JPEG)",
                "plikiem multimedialnym ISO (zdjęciem HEIC/AVIF lub filmem MP4; wyeksportuj zdjęcia jako JPEG)");
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // Also what a password-protected DOCX or XLSX is: the encrypted package sits inside an OLE compound file.
            return Refused("an OLE compound file: an old-format Microsoft Office document (DOC, XLS) or a password-protected DOCX or XLSX (save it as DOCX or XLSX without a password)",
                "plikiem złożonym OLE: dokumentem Microsoft Office w starym formacie (DOC, XLS) lub dokumentem DOCX albo XLSX chronionym hasłem (zapisz go jako DOCX lub XLSX bez hasła)");
        }

        if (b.StartsWith("PK\x05\x06"u8) || b.StartsWith("PK\x07\x08"u8))
        {
            return Refused("an empty or split ZIP archive", "pustym lub dzielonym archiwum ZIP");
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || b.StartsWith("Rar!"u8) || b.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return Refused("a compressed archive (gzip, RAR or 7-Zip)", "skompresowanym archiwum (gzip, RAR lub 7-Zip)");
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]) || b.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF]))
        {
            return Refused("an executable (a Java class or a macOS program)", "plikiem wykonywalnym (klasą Javy lub programem dla macOS)");
        }

        return null;
    }

    /// <summary>Text: an SVG (XML whose root element is svg), an HTML page, a script or other text, or unknown binary data.</summary>
    private static Sniffed Text(ReadOnlySpan<byte> b)
    {
        var prefix = b[..Math.Min(b.Length, TextPrefix)];
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            prefix = prefix[3..];
        }

        if (prefix.Contains((byte)0))
        {
            return Refused("binary data of an unrecognised kind", "danymi binarnymi nierozpoznanego rodzaju");
        }

        // Invalid UTF-8 becomes U+FFFD: only the markup structure matters here.
        var text = Encoding.UTF8.GetString(prefix);
        var (root, doctype) = XmlRoot(text);
        if (root is not null && LocalName(root) == "svg")
        {
            return new(AssetFormat.Svg, false, null, HasDoctype: doctype is not null);
        }

        var head = text[..Math.Min(text.Length, 1024)].ToLowerInvariant();
        if (string.Equals(root, "html", StringComparison.OrdinalIgnoreCase) || doctype?.StartsWith("html", StringComparison.OrdinalIgnoreCase) == true
            || head.Contains("<html", StringComparison.Ordinal) || head.Contains("<!doctype html", StringComparison.Ordinal)
            || head.Contains("<body", StringComparison.Ordinal) || head.Contains("<head", StringComparison.Ordinal))
        {
            return Refused("an HTML document", "dokumentem HTML");
        }

        if (head.Contains("<script", StringComparison.Ordinal) || head.StartsWith("#!", StringComparison.Ordinal))
        {
            return Refused("a script", "skryptem");
        }

        if (root is not null)
        {
            return Refused($"an XML document with the root element <{Shorten(root)}> (an SVG must have the root element <svg>)",
                $"dokumentem XML z elementem głównym <{Shorten(root)}> (SVG musi mieć element główny <svg>)");
        }

        return text.Contains('\uFFFD', StringComparison.Ordinal) || text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\f'))
            ? Refused("binary data of an unrecognised kind", "danymi binarnymi nierozpoznanego rodzaju")
            : Refused("a plain text file (or a script)", "zwykłym plikiem tekstowym (lub skryptem)");
    }

    /// <summary>
    /// The name of the first element of an XML text and of its DOCTYPE if any, skipping the declaration, comments and
    /// processing instructions. A scanner, not a parser: the DTD must be seen (and refused) without being processed.
    /// </summary>
    private static (string? Root, string? Doctype) XmlRoot(string text)
    {
        string? doctype = null;
        var i = SkipSpace(text, 0);
        while (i < text.Length && text[i] == '<')
        {
            if (At(text, i, "<?"))
            {
                i = After(text, i, "?>");
            }
            else if (At(text, i, "<!--"))
            {
                i = After(text, i, "-->");
            }
            else if (At(text, i, "<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
            {
                var start = SkipSpace(text, i + 9);
                doctype = Name(text, start) ?? "";
                i = AfterDoctype(text, i);
            }
            else
            {
                return (Name(text, i + 1), doctype);
            }

            if (i < 0)
            {
                break;
            }

            i = SkipSpace(text, i);
        }

        return (null, doctype);
    }

    /// <summary>The end of a DOCTYPE, whose internal subset in brackets may hold '>' characters (entity declarations).</summary>
    private static int AfterDoctype(string text, int i)
    {
        var inSubset = false;
        for (; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    inSubset = true;
                    break;
                case ']':
                    inSubset = false;
                    break;
                case '>' when !inSubset:
                    return i + 1;
            }
        }

        return -1;
    }

    private static string? Name(string text, int i)
    {
        var end = i;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is ':' or '_' or '-' or '.'))
        {
            end++;
        }

        return end > i && !char.IsDigit(text[i]) ? text[i..end] : null;
    }

    private static string LocalName(string name) => name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";

    private static bool At(string text, int i, string token, StringComparison comparison = StringComparison.Ordinal) =>
        string.Compare(text, i, token, 0, token.Length, comparison) == 0;

    private static int After(string text, int i, string end)
    {
        var at = text.IndexOf(end, i, StringComparison.Ordinal);
        return at < 0 ? -1 : at + end.Length;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static Sniffed Refused(string en, string pl) => new(null, false, new Text(en, pl));
}
