using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>
/// schema.org metadata of a release for its index page (JSON-LD), so search engines and harvesters read what the materials are: a
/// learning resource and a course for local-government staff, in Polish, with licence, version, dates, publisher and the persistent
/// addresses. A draft's preview says it is a draft and names no address, date or relation that does not exist yet.
/// </summary>
public static class ReleaseJsonLd
{
    public const string EducationalLevel = "kształcenie ustawiczne dorosłych: szkolenie zawodowe";

    public const string Audience = "pracownicy jednostek samorządu terytorialnego (JST)";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Polish letters as they are; <, > and & escaped, so nothing in the data can end the script element.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Of(ReleaseDocument release, ReleaseIdentity identity)
    {
        var publisher = new JsonObject { ["@type"] = "Organization", ["name"] = identity.Publisher, ["url"] = identity.PublisherHomepage };
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = new JsonArray("LearningResource", "Course"),
        };
        if (identity.Published is not null)
        {
            node["@id"] = identity.ReleaseUri;
        }

        node["name"] = identity.Title;
        node["description"] = string.IsNullOrWhiteSpace(release.Programme.Summary) ? release.Notes : release.Programme.Summary;
        node["learningResourceType"] = "materiały szkoleniowe";
        node["educationalLevel"] = EducationalLevel;
        node["audience"] = new JsonObject { ["@type"] = "EducationalAudience", ["educationalRole"] = "pracownik samorządowy", ["audienceType"] = Audience };
        node["inLanguage"] = release.Language;
        node["license"] = identity.LicenceUri;
        node["version"] = release.SemanticVersion;
        node["dateCreated"] = PolishWording.IsoDate(release.BuiltAt);
        node["isAccessibleForFree"] = true;
        node["accessibilitySummary"] = ReleaseAccessibilityStatement.StatusSentence(release.Accessibility.Status ?? "");
        node["publisher"] = publisher;
        node["provider"] = publisher.DeepClone();
        if (identity.Published is { } published)
        {
            // Published once and never changed: modified on the day it was published.
            node["datePublished"] = PolishWording.IsoDate(published.At);
            node["dateModified"] = PolishWording.IsoDate(published.At);
            node["identifier"] = identity.ReleaseUri;
            node["url"] = identity.ReleaseUri;
            node["isPartOf"] = new JsonObject { ["@type"] = "CreativeWork", ["@id"] = identity.ConceptUri, ["name"] = release.Programme.Title, ["url"] = identity.ConceptUri };
            node["creativeWorkStatus"] = "Published";
        }
        else
        {
            node["creativeWorkStatus"] = "Draft";
        }

        return node.ToJsonString(Options).ReplaceLineEndings("\n");
    }
}
