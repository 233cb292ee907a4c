using System.Text;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// A PDF is stored as uploaded after a heuristic check, not a parse: it must start with <c>%PDF-</c> and end with <c>%%EOF</c>,
/// and its bytes must not name the features that make a PDF run or carry something (<c>/JavaScript</c>, <c>/JS</c>,
/// <c>/Launch</c>, <c>/EmbeddedFile</c>), with the <c>#xx</c> escapes of PDF names decoded so <c>/J#61vaScript</c> is seen too.
/// Stream data is skipped (compressed bytes would spell "/JS" by chance every few MB). Known limit of the heuristic: a name
/// inside a compressed object stream (PDF 1.5+) is not seen. Readers of the
/// programme's attachments should not need any of these features, so a false refusal costs a re-export ("print to PDF").
/// </summary>
public static class PdfInspection
{
    /// <summary>How far from the end %%EOF may be (writers add line ends, some a little padding).</summary>
    private const int EofWindow = 1024;

    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal) { "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles" };

    public static InspectedAsset Inspect(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - EofWindow));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            throw AssetProblems.DamagedFile(new(
                "The PDF has no %%EOF end marker near its end: it is truncated or damaged. Export it from its program again.",
                "PDF nie ma znacznika końca %%EOF przy końcu pliku: jest niekompletny lub uszkodzony. Wyeksportuj go ponownie ze swojego programu."));
        }

        var name = FirstRefusedName(bytes);
        if (name is not null)
        {
            throw AssetProblems.UnsafePdfFile(new(
                $"The PDF contains /{name} ({Explain(name).En}), which readers' PDF viewers could act on. Save it again with \"print to PDF\" or without attachments and scripts.",
                $"PDF zawiera /{name} ({Explain(name).Pl}), na co przeglądarki PDF czytelników mogłyby zareagować. Zapisz go ponownie przez „drukuj do PDF” albo bez załączników i skryptów."));
        }

        return new(AssetFormat.Pdf, bytes, null, null);
    }

    private static Common.Localization.Text Explain(string name) => name switch
    {
        "JavaScript" or "JS" => new("JavaScript", "JavaScript"),
        "Launch" => new("an action that launches a program", "akcję uruchamiającą program"),
        _ => new("an embedded file", "osadzony plik"),
    };

    /// <summary>
    /// The first refused name token (a '/' and the regular characters after it, #xx escapes decoded) outside stream data:
    /// the keys that matter sit in dictionaries, and compressed stream bytes would match "/JS" by chance every few MB.
    /// </summary>
    private static string? FirstRefusedName(ReadOnlySpan<byte> b)
    {
        var at = 0;
        while (at < b.Length)
        {
            var streamAt = StreamStart(b, at);
            var found = FirstRefusedNameIn(b[at..streamAt]);
            if (found is not null || streamAt >= b.Length)
            {
                return found;
            }

            var end = b[streamAt..].IndexOf("endstream"u8);
            at = end < 0 ? b.Length : streamAt + end + "endstream".Length;
        }

        return null;
    }

    /// <summary>Where the next stream's data begins: after the keyword "stream" and its line end (or the end of the file).</summary>
    private static int StreamStart(ReadOnlySpan<byte> b, int from)
    {
        var at = from;
        while (at < b.Length)
        {
            var hit = b[at..].IndexOf("stream"u8);
            if (hit < 0)
            {
                return b.Length;
            }

            at += hit;
            var after = at + "stream".Length;
            var keyword = (at == 0 || !char.IsAsciiLetter((char)b[at - 1])) && after < b.Length && b[after] is (byte)'\r' or (byte)'\n';
            if (keyword)
            {
                return after;
            }

            at = after;
        }

        return b.Length;
    }

    private static string? FirstRefusedNameIn(ReadOnlySpan<byte> b)
    {
        var name = new StringBuilder();
        var at = 0;
        while (at < b.Length)
        {
            var slash = b[at..].IndexOf((byte)'/');
            if (slash < 0)
            {
                return null;
            }

            at += slash + 1;
            name.Clear();
            while (at < b.Length && IsRegular(b[at]) && name.Length <= 16)
            {
                if (b[at] == '#' && at + 2 < b.Length && IsHex(b[at + 1]) && IsHex(b[at + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(b.Slice(at + 1, 2)), 16));
                    at += 3;
                }
                else
                {
                    name.Append((char)b[at]);
                    at++;
                }
            }

            var token = name.ToString();
            if (Refused.Contains(token))
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>Not white-space nor a PDF delimiter (PDF 32000-1, 7.2.2).</summary>
    private static bool IsRegular(byte c) => c > 0x20 && c < 0x7F && "()<>[]{}/%".IndexOf((char)c, StringComparison.Ordinal) < 0;

    private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);
}
