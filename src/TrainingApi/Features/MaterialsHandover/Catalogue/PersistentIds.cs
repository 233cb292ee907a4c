using TrainingApi.Common.Http;

namespace TrainingApi.Features.MaterialsHandover.Catalogue;

/// <summary>
/// The addresses a programme and its releases are cited by: made of the programme's slug and a release's semantic version under
/// the public base URL, never of database ids, so they survive moving the data. The concept address always leads to the latest
/// release; a release's address always to that release. Both answer 303 to a representation (ResolvePersistentId).
/// </summary>
public static class PersistentIds
{
    public const string Root = "/id/programmes";

    public static string ConceptPath(string slug) => $"{Root}/{slug}";

    public static string ReleasePath(string slug, string semanticVersion) => $"{Root}/{slug}/{semanticVersion}";

    /// <summary>The DCAT-AP description (RDF) of the programme as a dataset, or of one release of it.</summary>
    public static string DescriptionPath(string slug, string? semanticVersion = null) =>
        semanticVersion is null ? $"/api/v1/catalogue/dcat/programmes/{slug}" : $"/api/v1/catalogue/dcat/programmes/{slug}/{semanticVersion}";

    /// <summary>How the contract describes the header <see cref="Announce"/> sends.</summary>
    public const string LinkDescription =
        "RFC 8574 `cite-as`: the release's persistent address (`/id/programmes/{slug}/{semver}`), to cite it by; and `describedby`: its " +
        "DCAT-AP description (Turtle; JSON-LD and RDF/XML by Accept).";

    /// <summary>
    /// Says on a representation of a release which address to cite it by (RFC 8574 <c>cite-as</c>) and where its metadata is
    /// (<c>describedby</c>, Turtle by default; the description negotiates JSON-LD and RDF/XML too).
    /// </summary>
    public static void Announce(HttpResponse response, PublicBaseUrl publicBase, string slug, string semanticVersion) =>
        response.Headers.Append("Link",
            $"<{publicBase.For(ReleasePath(slug, semanticVersion))}>; rel=\"cite-as\", " +
            $"<{publicBase.For(DescriptionPath(slug, semanticVersion))}>; rel=\"describedby\"; type=\"text/turtle\"");
}
