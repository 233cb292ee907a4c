using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>A name in CSL: the organisation as one literal name, so no processor splits it into given and family names.</summary>
public sealed record CslName([property: JsonPropertyName("literal")] string Literal);

/// <summary>A CSL date as its parts: one [year, month, day].</summary>
public sealed record CslDate([property: JsonPropertyName("date-parts")] IReadOnlyList<IReadOnlyList<int>> DateParts);

/// <summary>
/// One CSL-JSON item, with CSL's own variable names. CSL has no type for course materials, so it is a <c>document</c> whose genre
/// says what it is; the licence has no CSL variable, so it is in the note and, with the concept's address, under <c>custom</c>.
/// </summary>
public sealed record CslItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("citation-key")] string CitationKey,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("author")] IReadOnlyList<CslName> Author,
    [property: JsonPropertyName("publisher")] string Publisher,
    [property: JsonPropertyName("issued")] CslDate Issued,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("genre")] string Genre,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("URL")] string Url,
    [property: JsonPropertyName("abstract")] string Abstract,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("custom")] IReadOnlyDictionary<string, string> Custom);

/// <summary>
/// CSL-JSON (the input format of citeproc processors, Zotero and most reference managers): an array with one item, valid against
/// the Citation Style Language's csl-data.json schema.
/// </summary>
public static class CslJson
{
    public const string MediaType = "application/vnd.citationstyles.csl+json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Polish letters as they are; characters HTML gives meaning to still escaped, should the text ever be embedded in a page.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IReadOnlyList<CslItem> Items(Citation citation)
    {
        var date = citation.Date;
        var custom = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["concept-url"] = citation.ConceptUri, ["license"] = citation.LicenceUri };
        if (citation.Previous is { } previous)
        {
            custom["previous-version-url"] = previous.Uri;
        }

        return
        [
            new CslItem(BibTex.KeyOf(citation), BibTex.KeyOf(citation), "document", citation.Title, [new CslName(citation.Publisher)], citation.Publisher,
                new CslDate([[date.Year, date.Month, date.Day]]), citation.SemanticVersion, Citation.Kind, citation.Language, citation.ReleaseUri,
                citation.Description, $"Wersja programu {citation.VersionLabel}. Licencja: {citation.Licence} ({citation.LicenceUri}).", custom),
        ];
    }

    public static byte[] Of(Citation citation) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Items(citation), Options).ReplaceLineEndings("\n") + "\n");
}
