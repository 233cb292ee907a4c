using TrainingApi.Common.Http;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Exports;
using TrainingApi.Features.MaterialsHandover.OpenData;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Citations;

/// <summary>The identity the exported pages carry: made from the same citation the catalogue serves, so the page and the files agree.</summary>
public static class ReleaseIdentities
{
    /// <summary>A release being published: its citation as of the publication time.</summary>
    public static ReleaseIdentity Published(Citation citation, PublicBaseUrl publicBase) => new(
        citation.Title, citation.Publisher, citation.PublisherHomepage, citation.ReleaseUri, citation.ConceptUri, citation.LicenceUri,
        new ReleaseIdentity.Publication(citation.PublishedAt, PolishCitation.Text(citation),
        [
            new("CSL-JSON (Zotero, Mendeley i inne programy do bibliografii)", CslJson.MediaType, publicBase.For(GetReleaseCitation.UrlOf(citation.ReleaseId, CitationFormat.CslJson))),
            new("BibTeX (LaTeX)", BibTex.MediaType, publicBase.For(GetReleaseCitation.UrlOf(citation.ReleaseId, CitationFormat.Bibtex))),
            new("Metadane DataCite (XML)", DataCiteXml.MediaType, publicBase.For(GetReleaseCitation.UrlOf(citation.ReleaseId, CitationFormat.Datacite))),
        ]));

    /// <summary>A draft's preview: the addresses it will have, and no publication.</summary>
    public static ReleaseIdentity Draft(Release release, ReleaseDocument document, OpenDataOptions options, PublicBaseUrl publicBase)
    {
        var title = Citation.TitleOf(document.Programme.Title, release.Title);
        return new ReleaseIdentity(title, options.PublisherName, options.PublisherHomepage,
            publicBase.For(PersistentIds.ReleasePath(release.ProgrammeSlug, release.SemanticVersion)), publicBase.For(PersistentIds.ConceptPath(release.ProgrammeSlug)),
            LicenceUris.Of(release.Licence, options), null);
    }
}
