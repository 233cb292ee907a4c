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

    /// <summary>
    /// A release's licence (an SPDX identifier, e.g. CC-BY-4.0) as a URI for <c>dct:license</c>. Identifiers not named here
    /// map to the EU licence vocabulary where it has them (see <see cref="LicenceUris"/>), else to spdx.org.
    /// </summary>
    public Dictionary<string, string> Licences { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
