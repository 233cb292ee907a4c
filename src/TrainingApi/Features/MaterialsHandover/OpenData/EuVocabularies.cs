using TrainingApi.Features.MaterialsHandover.OpenData.Rdf;
using static TrainingApi.Features.MaterialsHandover.OpenData.Rdf.Vocabulary;

namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>
/// Values from the controlled vocabularies DCAT-AP names (the EU Publications Office's authority tables, ADMS, IANA). Each use
/// also writes the concept's scheme and label into the graph: the SHACL shapes check membership (<c>skos:inScheme</c>) on the data
/// they are given, so the catalogue must carry it to validate on its own, as harvesters validate it.
/// </summary>
public static class EuVocabularies
{
    public const string DataThemeScheme = Eu + "data-theme";

    public static string Theme(RdfGraph g, string code, string label) => Concept(g, DataThemeScheme, "Data theme", code, label, null);

    public static string Language(RdfGraph g, string code) => Concept(g, Eu + "language", "Language", LanguageCode(code), LanguageLabel(code), Dct + "LinguisticSystem");

    public static string Country(RdfGraph g, string code, string label) => Concept(g, Eu + "country", "Country", code, label, Dct + "Location");

    public static string AccessRight(RdfGraph g, string code, string label) => Concept(g, Eu + "access-right", "Access right", code, label, Dct + "RightsStatement");

    public static string Frequency(RdfGraph g, string code, string label) => Concept(g, Eu + "frequency", "Frequency", code, label, Dct + "Frequency");

    /// <summary>How long a distribution is meant to stay where it is (DCAT-AP's recommended <c>dcatap:availability</c>).</summary>
    public static string Availability(RdfGraph g, string code, string label) => Concept(g, Eu + "planned-availability", "Planned availability", code, label, null);

    public static string FileType(RdfGraph g, string code) => Concept(g, Eu + "file-type", "File type", code, code, Dct + "MediaTypeOrExtent");

    public static string PublisherType(RdfGraph g, string code, string label) =>
        Concept(g, "http://purl.org/adms/publishertype/1.0", "Publisher type", code, label, null, "http://purl.org/adms/publishertype/");

    /// <summary>An IANA media type as DCAT-AP wants it: the registry's page for the type (IANA publishes no vocabulary of IRIs).</summary>
    public static string MediaType(RdfGraph g, string mediaType)
    {
        var iri = "https://www.iana.org/assignments/media-types/" + mediaType;
        g.Type(iri, Dct + "MediaType");
        return iri;
    }

    /// <summary>A licence document typed from the ADMS licence-type vocabulary (public domain or attribution).</summary>
    public static string Licence(RdfGraph g, string licenceIri, string spdxId)
    {
        g.Type(licenceIri, Dct + "LicenseDocument");
        var type = spdxId.StartsWith("CC0", StringComparison.OrdinalIgnoreCase)
            ? Concept(g, "http://purl.org/adms/licencetype/1.0", "Licence type", "PublicDomain", "Public domain", null, "http://purl.org/adms/licencetype/")
            : Concept(g, "http://purl.org/adms/licencetype/1.0", "Licence type", "Attribution", "Attribution", null, "http://purl.org/adms/licencetype/");
        g.Link(licenceIri, Dct + "type", type);
        g.Add(licenceIri, Dct + "identifier", new Literal(spdxId));
        return licenceIri;
    }

    /// <summary>The EU file-type code for a file name's extension; BIN (binary) for anything else.</summary>
    public static string FileTypeCode(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".json" => "JSON",
        ".zip" or ".imscc" => "ZIP",
        ".html" or ".htm" => "HTML",
        ".docx" => "DOCX",
        ".xlsx" => "XLSX",
        ".csv" => "CSV",
        ".png" => "PNG",
        ".jpg" or ".jpeg" => "JPEG",
        ".webp" => "WEBP",
        ".svg" => "SVG",
        ".pdf" => "PDF",
        ".odt" => "ODT",
        ".ods" => "ODS",
        ".md" => "TXT",
        _ => "BIN",
    };

    public static string LanguageCode(string bcp47) => bcp47.ToLowerInvariant() switch
    {
        "pl" => "POL",
        "en" => "ENG",
        "uk" => "UKR",
        "de" => "DEU",
        _ => "MUL",
    };

    private static string LanguageLabel(string bcp47) => LanguageCode(bcp47) switch
    {
        "POL" => "Polish",
        "ENG" => "English",
        "UKR" => "Ukrainian",
        "DEU" => "German",
        _ => "Multiple languages",
    };

    private static string Concept(RdfGraph g, string scheme, string schemeLabel, string code, string label, string? rangeClass, string? conceptBase = null)
    {
        var iri = (conceptBase ?? scheme + "/") + code;
        g.Type(iri, Skos + "Concept");
        if (rangeClass is not null)
        {
            g.Type(iri, rangeClass);
        }

        g.Link(iri, Skos + "inScheme", scheme);
        g.Add(iri, Skos + "prefLabel", new Literal(label, "en"));
        g.Type(scheme, Skos + "ConceptScheme");
        g.Add(scheme, Dct + "title", new Literal(schemeLabel, "en"));
        return iri;
    }
}
