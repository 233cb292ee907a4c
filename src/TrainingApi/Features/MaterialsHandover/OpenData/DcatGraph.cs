using System.Globalization;
using TrainingApi.Common.Http;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.OpenData.Rdf;
using static TrainingApi.Features.MaterialsHandover.OpenData.Rdf.Vocabulary;

namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>One page of the catalogue for Hydra paging: 1-based, of <paramref name="Count"/> pages holding <paramref name="TotalItems"/> datasets.</summary>
public sealed record CataloguePage(int Number, int Count, int TotalItems);

/// <summary>
/// Writes the DCAT-AP 3.0 description: the catalogue, each programme as a dataset whose versions are its releases, each file of a
/// release as a distribution, and the public reports as datasets. Every node has an IRI (fragments of the catalogue's or of a
/// release's address), never a blank node.
/// </summary>
public sealed class DcatGraph(OpenDataOptions options, PublicBaseUrl publicBase)
{
    public const string CataloguePath = "/api/v1/catalogue/dcat";

    public RdfGraph Graph { get; } = new(Prefixes);

    private string CatalogueIri => publicBase.For(CataloguePath);

    private string PublisherIri => CatalogueIri + "#publisher";

    private string ContactIri => CatalogueIri + "#contact-point";

    public static string ConceptIri(PublicBaseUrl publicBase, string slug) => publicBase.For(PersistentIds.ConceptPath(slug));

    public static string ReleaseIri(PublicBaseUrl publicBase, string slug, string semver) => publicBase.For(PersistentIds.ReleasePath(slug, semver));

    /// <summary>The catalogue with the datasets of one page: the reports (on the first page) and the programmes given.</summary>
    public void AddCatalogue(IReadOnlyList<DcatProgramme> programmes, bool indicators, bool adoptions, CataloguePage page, DateTimeOffset? issued, DateTimeOffset? modified)
    {
        var g = Graph;
        var c = CatalogueIri;
        g.Type(c, Dcat + "Catalog");
        g.Add(c, Dct + "title", new Literal(options.CatalogueTitle, "pl"));
        g.Add(c, Dct + "title", new Literal(options.CatalogueTitleEn, "en"));
        g.Add(c, Dct + "description", new Literal(options.CatalogueDescription, "pl"));
        g.Add(c, Dct + "description", new Literal(options.CatalogueDescriptionEn, "en"));
        g.Link(c, Dct + "publisher", AddPublisher());
        g.Link(c, Dcat + "contactPoint", AddContact());
        g.Link(c, Foaf + "homepage", Document(options.CatalogueHomepage ?? options.PublisherHomepage));
        g.Link(c, Dct + "language", EuVocabularies.Language(g, "pl"));
        g.Link(c, Dct + "license", Licence(options.CatalogueLicence));
        g.Link(c, Dct + "spatial", Poland());
        g.Link(c, Dcat + "themeTaxonomy", EuVocabularies.DataThemeScheme);
        if (issued is { } i)
        {
            g.Add(c, Dct + "issued", DateTime(i));
        }

        if (modified is { } m)
        {
            g.Add(c, Dct + "modified", DateTime(m));
        }

        if (indicators)
        {
            g.Link(c, Dcat + "dataset", AddIndicatorReport());
        }

        if (adoptions)
        {
            g.Link(c, Dcat + "dataset", AddAdoptionCounts());
        }

        foreach (var programme in programmes)
        {
            g.Link(c, Dcat + "dataset", AddProgramme(programme));
            foreach (var release in programme.Releases)
            {
                g.Link(c, Dcat + "dataset", ReleaseIri(publicBase, programme.Slug, release.Row.SemanticVersion));
            }
        }

        // Hydra paging as the EU portal's harvester (piveau) follows it: the view names first, last, previous and next pages.
        var view = PageIri(page.Number);
        g.Type(view, Hydra + "PartialCollectionView");
        g.Link(c, Hydra + "view", view);
        g.Add(view, Hydra + "totalItems", new Literal(page.TotalItems.ToString(CultureInfo.InvariantCulture), datatype: Xsd + "integer"));
        g.Add(view, Hydra + "itemsPerPage", new Literal(options.PageSize.ToString(CultureInfo.InvariantCulture), datatype: Xsd + "integer"));
        g.Link(view, Hydra + "first", PageIri(1));
        g.Link(view, Hydra + "last", PageIri(page.Count));
        if (page.Number > 1)
        {
            g.Link(view, Hydra + "previous", PageIri(page.Number - 1));
        }

        if (page.Number < page.Count)
        {
            g.Link(view, Hydra + "next", PageIri(page.Number + 1));
        }
    }

    public string PageIri(int number) => $"{CatalogueIri}?page={number}";

    /// <summary>The programme (its concept address) as a dataset, with each published release as a version of it.</summary>
    public string AddProgramme(DcatProgramme programme)
    {
        var g = Graph;
        var latest = programme.Latest;
        var d = ConceptIri(publicBase, programme.Slug);
        g.Type(d, Dcat + "Dataset");
        g.Add(d, Dct + "identifier", new Literal(d));
        g.Add(d, Dct + "title", new Literal(latest.Row.Title, "pl"));
        g.Add(d, Dct + "description", new Literal(
            $"{latest.Row.Title}: materiały programu we wszystkich opublikowanych wersjach; najnowsza to {latest.Row.SemanticVersion}. " +
            "Adres pojęcia zawsze prowadzi do najnowszej wersji.", "pl"));
        g.Add(d, Dct + "description", new Literal(
            $"{latest.Row.Title}: the programme's materials in every published version; the latest is {latest.Row.SemanticVersion}. " +
            "The concept address always leads to the latest version.", "en"));
        Common(d, latest.Row.Language);
        g.Link(d, Dct + "accrualPeriodicity", EuVocabularies.Frequency(g, "IRREG", "irregular"));
        g.Add(d, Dct + "issued", DateTime(programme.Releases[0].Row.PublishedAt!.Value));
        g.Add(d, Dct + "modified", DateTime(programme.Releases.Max(r => r.Row.SupersededAt ?? r.Row.PublishedAt!.Value)));
        g.Link(d, Dcat + "landingPage", Document(publicBase.For(GetCataloguePage.UrlOf(latest.Row.Id))));
        string? previous = null;
        foreach (var release in programme.Releases)
        {
            var version = AddRelease(programme.Slug, release, previous);
            g.Link(d, Dcat + "hasVersion", version);
            previous = version;
        }

        return d;
    }

    /// <summary>A release as a version of its programme, with every file it publishes as a distribution.</summary>
    public string AddRelease(string slug, DcatRelease release, string? previous)
    {
        var g = Graph;
        var r = release.Row;
        var d = ReleaseIri(publicBase, slug, r.SemanticVersion);
        g.Type(d, Dcat + "Dataset");
        g.Add(d, Dct + "identifier", new Literal(d));
        g.Add(d, Dct + "title", new Literal($"{r.Title} (wersja {r.SemanticVersion})", "pl"));
        g.Add(d, Dct + "description", new Literal(string.IsNullOrWhiteSpace(r.Notes)
            ? $"Wydanie {r.SemanticVersion} materiałów programu „{r.Title}” (wersja programu {r.VersionLabel})."
            : r.Notes, "pl"));
        g.Add(d, Dcat + "version", new Literal(r.SemanticVersion));
        if (!string.IsNullOrWhiteSpace(r.Notes))
        {
            g.Add(d, Adms + "versionNotes", new Literal(r.Notes, "pl"));
        }

        g.Link(d, Dcat + "isVersionOf", ConceptIri(publicBase, slug));
        if (previous is not null)
        {
            g.Link(d, Dcat + "previousVersion", previous);
        }

        Common(d, r.Language);
        g.Add(d, Dct + "issued", DateTime(r.PublishedAt!.Value));
        g.Add(d, Dct + "modified", DateTime(r.SupersededAt ?? r.PublishedAt!.Value));
        g.Link(d, Dcat + "landingPage", Document(publicBase.For(GetCataloguePage.UrlOf(r.Id))));
        // Only a statement that claims conformance (as far as checked) is stated as conformance; a partial one is not.
        if (release.AccessibilityStatus == "compliant-as-checked" && release.AccessibilityStandard is { } standard)
        {
            const string wcag = "https://www.w3.org/TR/WCAG21/";
            g.Type(wcag, Dct + "Standard");
            g.Add(wcag, Dct + "title", new Literal("Web Content Accessibility Guidelines (WCAG) 2.1", "en"));
            g.Link(d, Dct + "conformsTo", wcag);
            g.Add(d, Rdfs + "comment", new Literal($"Deklaracja dostępności: zgodność z {standard} w zakresie sprawdzonym automatycznie.", "pl"));
        }

        var licence = Licence(r.Licence);
        foreach (var file in release.Files)
        {
            AddDistribution(d, $"file-{file.Format}", FileTitle(file.Format, file.FileName), file.FileName, file.MediaType, file.Size, file.Sha256,
                publicBase.For(file.Url), licence);
        }

        foreach (var entry in release.Bundle)
        {
            var (fragment, title, url) = entry.Path switch
            {
                var p when p.StartsWith("html/assets/", StringComparison.Ordinal) =>
                    ($"asset-{p["html/assets/".Length..]}", $"Zasób stron: {p["html/assets/".Length..]}", GetCatalogueAsset.UrlOf(r.Id, p["html/assets/".Length..])),
                var p when p.StartsWith("html/", StringComparison.Ordinal) && !p[5..].Contains('/') =>
                    ($"page-{p[5..]}", p == "html/index.html" ? "Strona główna wydania (HTML)" : $"Strona wydania (HTML): {p[5..]}", GetCataloguePage.UrlOf(r.Id, p[5..])),
                var p when p.StartsWith("docx/", StringComparison.Ordinal) && !p[5..].Contains('/') =>
                    ($"document-{p[5..]}", $"Dokument DOCX: {p[5..]}", GetCatalogueDocument.UrlOf(r.Id, p[5..])),
                _ => (null, null, null),
            };
            if (fragment is not null)
            {
                AddDistribution(d, fragment, title!, entry.Path, MediaTypeOf(entry.Path), entry.Size, entry.Sha256, publicBase.For(url!), licence);
            }
        }

        return d;
    }

    /// <summary>The indicator report (targets against actuals), open data of the programme's reach, as CSV, XLSX and JSON.</summary>
    private string AddIndicatorReport()
    {
        var d = CatalogueIri + "#indicators";
        Report(d, "Wskaźniki programu: cele i wartości osiągnięte", "Programme indicators: targets and actuals",
            "Cele programu (JST i urzędnicy w pilotażu, JST objęte konkursami 2025–2028) wobec wartości z danych, według województw i rodzajów JST, na dany dzień.",
            "The programme's targets (JST and officials in the pilot, JST reached in the 2025–2028 calls) against actuals, by voivodeship and kind of JST, as of a day.");
        const string path = "/api/v1/catalogue/indicators";
        var licence = Licence(options.CatalogueLicence);
        AddLiveDistribution(d, "csv", "Wskaźniki (CSV)", "text/csv", "CSV", publicBase.For(path + "?format=csv"), licence);
        AddLiveDistribution(d, "xlsx", "Wskaźniki (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", publicBase.For(path + "?format=xlsx"), licence);
        AddLiveDistribution(d, "json", "Wskaźniki (JSON)", "application/json", "JSON", publicBase.For(path + "?format=json"), licence);
        return d;
    }

    /// <summary>How many JST use the materials, in aggregate (no contacts), as CSV, XLSX and JSON.</summary>
    private string AddAdoptionCounts()
    {
        var d = CatalogueIri + "#adoption-counts";
        Report(d, "Wykorzystanie materiałów przez JST (zestawienie)", "Use of the materials by local governments (aggregate)",
            "Liczba JST, które zgłosiły wykorzystanie wydań materiałów, według wydań, konkursów, województw i rodzajów JST; bez danych kontaktowych.",
            "How many local governments recorded that they use a release of the materials, by release, call, voivodeship and kind of JST; no contacts.");
        const string path = "/api/v1/catalogue/adoption-counts";
        var licence = Licence(options.CatalogueLicence);
        AddLiveDistribution(d, "csv", "Wykorzystanie materiałów (CSV)", "text/csv", "CSV", publicBase.For(path + "?format=csv"), licence);
        AddLiveDistribution(d, "xlsx", "Wykorzystanie materiałów (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", publicBase.For(path + "?format=xlsx"), licence);
        AddLiveDistribution(d, "json", "Wykorzystanie materiałów (JSON)", "application/json", "JSON", publicBase.For(path), licence);
        return d;
    }

    private void Report(string d, string titlePl, string titleEn, string descriptionPl, string descriptionEn)
    {
        var g = Graph;
        g.Type(d, Dcat + "Dataset");
        g.Add(d, Dct + "identifier", new Literal(d));
        g.Add(d, Dct + "title", new Literal(titlePl, "pl"));
        g.Add(d, Dct + "title", new Literal(titleEn, "en"));
        g.Add(d, Dct + "description", new Literal(descriptionPl, "pl"));
        g.Add(d, Dct + "description", new Literal(descriptionEn, "en"));
        Common(d, "pl");
        g.Link(d, Dct + "accrualPeriodicity", EuVocabularies.Frequency(g, "UPDATE_CONT", "continuously updated"));
    }

    /// <summary>What every dataset of the catalogue shares: keywords, theme, language, coverage, access, publisher and contact.</summary>
    private void Common(string d, string language)
    {
        var g = Graph;
        foreach (var keyword in options.Keywords)
        {
            g.Add(d, Dcat + "keyword", new Literal(keyword, "pl"));
        }

        g.Link(d, Dcat + "theme", EuVocabularies.Theme(g, "EDUC", "Education, culture and sport"));
        g.Link(d, Dct + "language", EuVocabularies.Language(g, language));
        g.Link(d, Dct + "spatial", Poland());
        g.Link(d, Dct + "accessRights", EuVocabularies.AccessRight(g, "PUBLIC", "public"));
        g.Link(d, Dct + "publisher", AddPublisher());
        g.Link(d, Dcat + "contactPoint", AddContact());
    }

    private void AddDistribution(string dataset, string fragment, string title, string fileName, string mediaType, long size, string sha256, string url, string licence)
    {
        var g = Graph;
        var d = $"{dataset}#{Uri.EscapeDataString(fragment)}";
        g.Link(dataset, Dcat + "distribution", d);
        g.Type(d, Dcat + "Distribution");
        g.Add(d, Dct + "title", new Literal(title, "pl"));
        g.Add(d, Dct + "description", new Literal($"{title}: plik {fileName} opublikowanego wydania, niezmienny (suma SHA-256 poniżej).", "pl"));
        // A published release never changes, so its files stay at their addresses for good.
        g.Link(d, DcatAp + "availability", EuVocabularies.Availability(g, "STABLE", "stable"));
        g.Link(d, Dcat + "mediaType", EuVocabularies.MediaType(g, mediaType));
        g.Link(d, Dct + "format", EuVocabularies.FileType(g, EuVocabularies.FileTypeCode(fileName)));
        g.Add(d, Dcat + "byteSize", new Literal(size.ToString(CultureInfo.InvariantCulture), datatype: Xsd + "nonNegativeInteger"));
        var checksum = d + "-sha256";
        g.Link(d, Spdx + "checksum", checksum);
        g.Type(checksum, Spdx + "Checksum");
        g.Link(checksum, Spdx + "algorithm", Spdx + "checksumAlgorithm_sha256");
        g.Type(Spdx + "checksumAlgorithm_sha256", Spdx + "ChecksumAlgorithm");
        g.Add(checksum, Spdx + "checksumValue", new Literal(sha256.ToLowerInvariant(), datatype: Xsd + "hexBinary"));
        g.Link(d, Dcat + "accessURL", url);
        g.Link(d, Dcat + "downloadURL", url);
        g.Link(d, Dct + "license", licence);
    }

    /// <summary>A report computed on each request: no size or checksum, since its bytes change with the data.</summary>
    private void AddLiveDistribution(string dataset, string fragment, string title, string mediaType, string fileType, string url, string licence)
    {
        var g = Graph;
        var d = $"{dataset}-{fragment}";
        g.Link(dataset, Dcat + "distribution", d);
        g.Type(d, Dcat + "Distribution");
        g.Add(d, Dct + "title", new Literal(title, "pl"));
        g.Add(d, Dct + "description", new Literal($"{title}: zestawienie liczone z danych w chwili pobrania.", "pl"));
        g.Link(d, DcatAp + "availability", EuVocabularies.Availability(g, "AVAILABLE", "available"));
        g.Link(d, Dcat + "mediaType", EuVocabularies.MediaType(g, mediaType));
        g.Link(d, Dct + "format", EuVocabularies.FileType(g, fileType));
        g.Link(d, Dcat + "accessURL", url);
        g.Link(d, Dcat + "downloadURL", url);
        g.Link(d, Dct + "license", licence);
    }

    public string AddPublisher()
    {
        var g = Graph;
        var p = PublisherIri;
        g.Type(p, Foaf + "Agent");
        g.Add(p, Foaf + "name", new Literal(options.PublisherName, "pl"));
        g.Add(p, Foaf + "name", new Literal(options.PublisherNameEn, "en"));
        g.Link(p, Dct + "type", EuVocabularies.PublisherType(g, options.PublisherType, options.PublisherType));
        g.Link(p, Foaf + "homepage", Document(options.PublisherHomepage));
        return p;
    }

    public string AddContact()
    {
        var g = Graph;
        var k = ContactIri;
        g.Type(k, Vcard + "Organization");
        g.Type(k, Vcard + "Kind");
        g.Add(k, Vcard + "fn", new Literal(options.ContactName, "pl"));
        g.Link(k, Vcard + "hasEmail", "mailto:" + options.ContactEmail);
        return k;
    }

    private string Poland() => EuVocabularies.Country(Graph, "POL", "Poland");

    private string Licence(string spdxId) => EuVocabularies.Licence(Graph, LicenceUris.Of(spdxId, options), spdxId);

    private string Document(string iri)
    {
        Graph.Type(iri, Foaf + "Document");
        return iri;
    }

    private static Literal DateTime(DateTimeOffset at) =>
        new(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), datatype: Xsd + "dateTime");

    private static string FileTitle(string format, string fileName) => format switch
    {
        "json" => $"Wydanie w JSON: {fileName}",
        "zip" => $"Pakiet ZIP (strony HTML, DOCX, Markdown, tabele, sumy kontrolne): {fileName}",
        "imscc" => $"Pakiet IMS Common Cartridge dla platform e-learningowych: {fileName}",
        "docx" => $"Dokument DOCX całego programu: {fileName}",
        _ => fileName,
    };

    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes = new();

    private static string MediaTypeOf(string path) =>
        ContentTypes.TryGetContentType(path, out var type) ? type.Split(';')[0] : "application/octet-stream";
}
