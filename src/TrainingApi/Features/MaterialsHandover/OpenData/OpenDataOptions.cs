namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>
/// Who publishes the materials and under what terms, as the open-data catalogue (DCAT-AP), the citations and the landing pages
/// say it (configuration section <c>OpenData</c>, see docs/configuration.md). The defaults name ORE; an operator sets the contact.
/// </summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    public string PublisherName { get; set; } = "Ośrodek Rozwoju Edukacji";
    public string PublisherNameEn { get; set; } = "Centre for Education Development";
    public string PublisherHomepage { get; set; } = "https://www.ore.edu.pl/";

    /// <summary>The contact point of the catalogue and of every dataset in it (a vCard organisation with this e-mail).</summary>
    public string ContactName { get; set; } = "Ośrodek Rozwoju Edukacji: zespół programu";
    public string ContactEmail { get; set; } = "sekretariat@ore.edu.pl";

    public string CatalogueTitle { get; set; } = "Materiały programu: zarządzanie cyfryzacją szkół w JST";
    public string CatalogueTitleEn { get; set; } = "Programme materials: managing the digitalisation of schools in local government";

    public string CatalogueDescription { get; set; } =
        "Opublikowane wydania materiałów szkoleniowych i wytycznych doradczych dla JST w zakresie zarządzania cyfryzacją szkół, " +
        "z plikami do pobrania, oraz otwarte dane o zasięgu programu (wskaźniki i wykorzystanie materiałów przez JST).";

    public string CatalogueDescriptionEn { get; set; } =
        "Published releases of the training materials and advisory guidelines for local governments on managing the digitalisation of " +
        "schools, with their files, and open data on the programme's reach (indicators and use of the materials by local governments).";

    /// <summary>The catalogue's own homepage; the publisher's homepage when unset.</summary>
    public string? CatalogueHomepage { get; set; }

    /// <summary>The licence of the catalogue's metadata and of the public reports (SPDX identifier).</summary>
    public string CatalogueLicence { get; set; } = "CC-BY-4.0";

    /// <summary>The publisher's kind, a code of the ADMS publisher-type vocabulary (http://purl.org/adms/publishertype/…).</summary>
    public string PublisherType { get; set; } = "NationalAuthority";

    /// <summary>Keywords (Polish) of every dataset in the catalogue.</summary>
    public string[] Keywords { get; set; } = ["cyfryzacja szkół", "samorząd terytorialny", "JST", "szkolenia", "doradztwo", "edukacja cyfrowa"];

    /// <summary>Datasets per page of the DCAT catalogue (a programme counts once, with all its releases; the reports count one each).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// A release's licence (an SPDX identifier, e.g. CC-BY-4.0) as a URI for <c>dct:license</c>. Identifiers not named here
    /// map to the EU licence vocabulary where it has them (see <see cref="LicenceUris"/>), else to spdx.org.
    /// </summary>
    public Dictionary<string, string> Licences { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
