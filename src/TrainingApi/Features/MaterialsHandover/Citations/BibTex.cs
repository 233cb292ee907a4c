using System.Globalization;
using System.Text;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>
/// One BibTeX <c>@manual</c> entry (classic BibTeX and biblatex both read it). Text is written in plain ASCII with TeX commands for
/// Polish letters (<c>{\l}</c>, <c>{\k{a}}</c>…), because classic BibTeX sorts and abbreviates bytes, not UTF-8 letters; characters TeX
/// treats as commands are escaped so that every field's braces balance whatever the title says. The corporate author and the title
/// are braced whole, so no style splits the name into given and family names or lower-cases "JST".
/// </summary>
public static class BibTex
{
    public const string MediaType = "application/x-bibtex";

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['ą'] = "{\\k{a}}", ['ć'] = "{\\'c}", ['ę'] = "{\\k{e}}", ['ł'] = "{\\l}", ['ń'] = "{\\'n}", ['ó'] = "{\\'o}", ['ś'] = "{\\'s}", ['ź'] = "{\\'z}",
        ['ż'] = "{\\.z}", ['Ą'] = "{\\k{A}}", ['Ć'] = "{\\'C}", ['Ę'] = "{\\k{E}}", ['Ł'] = "{\\L}", ['Ń'] = "{\\'N}", ['Ó'] = "{\\'O}", ['Ś'] = "{\\'S}",
        ['Ź'] = "{\\'Z}", ['Ż'] = "{\\.Z}",
        // A brace is written as a command, not as \{: BibTeX counts every brace, escaped or not, so a lone one would end the field.
        ['{'] = "\\textbraceleft{}", ['}'] = "\\textbraceright{}", ['\\'] = "\\textbackslash{}", ['$'] = "\\$", ['&'] = "\\&", ['%'] = "\\%", ['#'] = "\\#",
        ['_'] = "\\_", ['^'] = "\\textasciicircum{}", ['~'] = "\\textasciitilde{}", ['„'] = ",,", ['”'] = "''", ['“'] = "``", ['–'] = "--", ['—'] = "---",
        ['\u00A0'] = "~",
    };

    /// <summary>A key that stays the same for the release: its programme's slug and its version (letters, digits, hyphens and dots).</summary>
    public static string KeyOf(Citation citation) => $"{citation.Slug}-{citation.SemanticVersion}";

    public static byte[] Of(Citation citation)
    {
        var date = citation.Date;
        var fields = new List<(string Name, string Value)>
        {
            ("author", "{" + Tex(citation.Publisher) + "}"),
            ("title", "{" + Tex(citation.Title) + "}"),
            ("version", Tex(citation.SemanticVersion)),
            ("organization", Tex(citation.Publisher)),
            ("publisher", Tex(citation.Publisher)),
            ("year", citation.Year),
            ("date", citation.IsoDate),
            ("url", Url(citation.ReleaseUri)),
            // biblatex and babel name languages, not codes.
            ("language", citation.Language == "pl" ? "polish" : Tex(citation.Language)),
            ("note", Tex($"{Capitalised(Citation.Kind)}, wersja programu {citation.VersionLabel}. Licencja {citation.Licence}: ") + "\\url{" + Url(citation.LicenceUri) + "}"),
        };
        var entry = new StringBuilder();
        entry.Append("@manual{").Append(KeyOf(citation)).Append(",\n");
        foreach (var (name, value) in fields)
        {
            entry.Append("  ").Append(name.PadRight(12)).Append(" = {").Append(value).Append("},\n");
        }

        entry.Append("  ").Append("month".PadRight(12)).Append(" = ").Append(Months[date.Month - 1]).Append(",\n");
        entry.Append("}\n");
        return Encoding.UTF8.GetBytes(entry.ToString());
    }

    /// <summary>Text as TeX in ASCII; a letter with no TeX form here is written as it is (biber and LaTeX with UTF-8 input read it).</summary>
    public static string Tex(string text)
    {
        var tex = new StringBuilder(text.Length + 16);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (Letters.TryGetValue(c, out var command))
            {
                tex.Append(command);
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                tex.Append(' ');
            }
            else
            {
                tex.Append(c);
            }
        }

        return tex.ToString();
    }

    // Addresses are ASCII (the slug is a-z, 0-9 and hyphens); anything that could end the field or a \url is percent-encoded.
    private static string Url(string url) => url.Replace("{", "%7B", StringComparison.Ordinal)
        .Replace("}", "%7D", StringComparison.Ordinal).Replace("\\", "%5C", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    private static string Capitalised(string text) => char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
