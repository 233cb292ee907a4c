using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>
/// CSL-JSON (the input format of citeproc processors, Zotero and most reference managers): an array with one item, valid against
/// the Citation Style Language's csl-data.json schema. CSL has no type for course materials, so the item is a <c>document</c> with
/// its genre saying what it is; the licence has no CSL variable, so it is in the note and under <c>custom</c>.
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

    public static byte[] Of(Citation citation)
    {
        var date = citation.Date;
        var custom = new JsonObject { ["license"] = citation.LicenceUri, ["concept-url"] = citation.ConceptUri };
        if (citation.Previous is { } previous)
        {
            custom["previous-version-url"] = previous.Uri;
        }

        var item = new JsonObject
        {
            ["id"] = BibTex.KeyOf(citation),
            ["citation-key"] = BibTex.KeyOf(citation),
            ["type"] = "document",
            ["title"] = citation.Title,
            ["author"] = new JsonArray(new JsonObject { ["literal"] = citation.Publisher }),
            ["publisher"] = citation.Publisher,
            ["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(date.Year, date.Month, date.Day)) },
            ["version"] = citation.SemanticVersion,
            ["genre"] = Citation.Kind,
            ["language"] = citation.Language,
            ["URL"] = citation.ReleaseUri,
            ["abstract"] = citation.Description,
            ["note"] = $"Wersja programu {citation.VersionLabel}. Licencja: {citation.Licence} ({citation.LicenceUri}).",
            ["custom"] = custom,
        };
        return Encoding.UTF8.GetBytes(new JsonArray(item).ToJsonString(Options).ReplaceLineEndings("\n") + "\n");
    }
}
