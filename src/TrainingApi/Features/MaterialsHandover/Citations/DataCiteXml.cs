using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>
/// DataCite Metadata Kernel 4.5 records, ready to be the body of a DOI registration: one per release (a version) and one per
/// programme (the concept, as Zenodo keeps a concept DOI beside its version DOIs). No DOI is registered yet, and none is invented:
/// the mandatory <c>identifier</c> holds DataCite's standard value for unknown information "(:tba)" (to be assigned), which a
/// registration replaces with the DOI it is given; the persistent address is an alternate identifier, and relations use the
/// persistent addresses (URL) until DOIs replace them. See docs/citing.md for how a DOI is attached.
/// </summary>
public static class DataCiteXml
{
    public const string MediaType = "application/vnd.datacite.datacite+xml";

    public static readonly XNamespace Kernel = "http://datacite.org/schema/kernel-4";

    /// <summary>DataCite's standard value for an identifier "to be assigned or announced later".</summary>
    public const string ToBeAssigned = "(:tba)";

    private const string SchemaLocation = "http://datacite.org/schema/kernel-4 https://schema.datacite.org/meta/kernel-4.5/metadata.xsd";

    /// <summary>What kind of resource the materials are in DataCite's words (resourceTypeGeneral is Text).</summary>
    public const string ResourceType = "Training programme";

    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>
    /// A release: a version of its programme (IsVersionOf the concept) and, when it superseded one at publication, IsNewVersionOf that
    /// release. It never names a later release: the record is fixed at publication, and later releases point back to it.
    /// </summary>
    public static byte[] Release(Citation citation)
    {
        var related = new List<XElement> { Related("IsVersionOf", citation.ConceptUri) };
        if (citation.Previous is { } previous)
        {
            related.Add(Related("IsNewVersionOf", previous.Uri));
        }

        var descriptions = new List<XElement> { Description("Abstract", citation.Description, citation.Language) };
        if (!string.IsNullOrWhiteSpace(citation.Notes) && citation.Notes != citation.Description)
        {
            descriptions.Add(Description("Other", citation.Notes, citation.Language));
        }

        return Write(Resource(citation.Publisher, citation.Title, citation.Language, citation.Year,
            new XElement(Kernel + "dates", new XElement(Kernel + "date", new XAttribute("dateType", "Issued"), citation.IsoDate)),
            citation.ReleaseUri, related, citation.SemanticVersion, citation.Licence, citation.LicenceUri, descriptions));
    }

    /// <summary>The programme as a whole: HasVersion each published release, in publication order; its dates are the first and the latest publication.</summary>
    public static byte[] Concept(ConceptCitation concept)
    {
        var dates = new XElement(Kernel + "dates", new XElement(Kernel + "date", new XAttribute("dateType", "Issued"), concept.FirstIsoDate));
        if (concept.LatestIsoDate != concept.FirstIsoDate)
        {
            dates.Add(new XElement(Kernel + "date", new XAttribute("dateType", "Updated"), concept.LatestIsoDate));
        }

        return Write(Resource(concept.Publisher, concept.ProgrammeTitle, concept.Language, concept.FirstYear, dates, concept.ConceptUri,
            [.. concept.Versions.Select(v => Related("HasVersion", v.Uri))], null, concept.Licence, concept.LicenceUri,
            string.IsNullOrWhiteSpace(concept.Summary) ? [] : [Description("Abstract", concept.Summary, concept.Language)]));
    }

    private static XElement Resource(string publisher, string title, string language, string year, XElement dates, string persistentUri,
        IReadOnlyList<XElement> related, string? version, string licence, string licenceUri, IReadOnlyList<XElement> descriptions)
    {
        var resource = new XElement(Kernel + "resource",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi), new XAttribute(Xsi + "schemaLocation", SchemaLocation),
            new XElement(Kernel + "identifier", new XAttribute("identifierType", "DOI"), ToBeAssigned),
            new XElement(Kernel + "creators", new XElement(Kernel + "creator",
                new XElement(Kernel + "creatorName", new XAttribute("nameType", "Organizational"), new XAttribute(XNamespace.Xml + "lang", language), publisher))),
            new XElement(Kernel + "titles", new XElement(Kernel + "title", new XAttribute(XNamespace.Xml + "lang", language), XmlText(title))),
            new XElement(Kernel + "publisher", new XAttribute(XNamespace.Xml + "lang", language), publisher),
            new XElement(Kernel + "publicationYear", year),
            new XElement(Kernel + "resourceType", new XAttribute("resourceTypeGeneral", "Text"), ResourceType),
            dates,
            new XElement(Kernel + "language", language),
            new XElement(Kernel + "alternateIdentifiers",
                new XElement(Kernel + "alternateIdentifier", new XAttribute("alternateIdentifierType", "URL"), persistentUri)),
            new XElement(Kernel + "relatedIdentifiers", related));
        if (version is not null)
        {
            resource.Add(new XElement(Kernel + "version", version));
        }

        resource.Add(new XElement(Kernel + "rightsList", new XElement(Kernel + "rights",
            new XAttribute("rightsURI", licenceUri), new XAttribute("rightsIdentifier", licence), new XAttribute("rightsIdentifierScheme", "SPDX"),
            new XAttribute("schemeURI", "https://spdx.org/licenses/"), licence)));
        if (descriptions.Count > 0)
        {
            resource.Add(new XElement(Kernel + "descriptions", descriptions));
        }

        return resource;
    }

    private static XElement Related(string relation, string uri) =>
        new(Kernel + "relatedIdentifier", new XAttribute("relatedIdentifierType", "URL"), new XAttribute("relationType", relation), uri);

    private static XElement Description(string type, string text, string language) =>
        new(Kernel + "description", new XAttribute("descriptionType", type), new XAttribute(XNamespace.Xml + "lang", language), XmlText(text));

    // Authored text may hold a control character XML 1.0 cannot carry; it is dropped rather than failing the whole record.
    private static string XmlText(string text) => string.Concat(text.Where(XmlConvert.IsXmlChar));

    private static byte[] Write(XElement resource)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace,
        };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), resource).Save(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

}
